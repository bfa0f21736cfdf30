package dev.shopstream.catalog.api;

import dev.shopstream.catalog.search.ProductChangeListener;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import java.util.Set;

/**
 * Answers a successful write only once this replica's product page cache has heard of it, so a client that changed
 * a product, its prices or its stock reads the change on its next request (other replicas hear it milliseconds after
 * the commit). The transaction has committed when response filters run.
 */
@Provider
public class ReadYourWritesFilter implements ContainerResponseFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    ProductChangeListener changes;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!SAFE_METHODS.contains(request.getMethod()) && response.getStatus() < 400) {
            changes.awaitChangesHeard();
        }
    }
}
