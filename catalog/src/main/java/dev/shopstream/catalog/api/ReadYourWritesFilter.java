package dev.shopstream.catalog.api;

import dev.shopstream.catalog.inventory.ProductAvailability;
import dev.shopstream.catalog.search.ProductChangeListener;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers a successful write to a {@link ReadYourWrites} resource only once what it changed shows everywhere it is
 * read: the products whose stock it made available or unavailable are settled ({@link ProductAvailability}), and this
 * replica's product page cache has heard of the change. So a client that changed a product, its prices or its stock
 * reads the change on its next request (other replicas hear of it milliseconds after the commit). The transaction has
 * committed when response filters run.
 */
@Provider
@ReadYourWrites
public class ReadYourWritesFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(ReadYourWritesFilter.class.getName());
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    ProductAvailability availability;

    @Inject
    ProductChangeListener changes;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!SAFE_METHODS.contains(request.getMethod()) && response.getStatus() < 400) {
            try {
                availability.settle();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not settle product availability after a write; the job will", e);
            }
            changes.awaitChangesHeard();
        }
    }
}
