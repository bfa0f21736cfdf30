package dev.shopstream.catalog.inventory;

import dev.shopstream.commons.scheduling.FixedDelayJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Settles product availability every {@code shopstream.product-availability.interval} (2 s). Writes answered by
 * the service settle it at once (see search.ReadYourWritesInterceptor); this catches what they leave: changes made
 * by bulk imports and expiring reservations, and settlements that failed.
 */
@ApplicationScoped
public class ProductAvailabilityJob extends FixedDelayJob {

    private static final Logger LOG = Logger.getLogger(ProductAvailabilityJob.class.getName());

    @Inject
    ProductAvailability availability;

    @Inject
    @ConfigProperty(name = "shopstream.product-availability.interval", defaultValue = "PT2S")
    Duration interval;

    @Override
    protected Duration delay() {
        return interval;
    }

    @Override
    protected void run() {
        int settled;
        do {
            settled = availability.settle();
        } while (settled > 0);
    }

    @Override
    protected void failed(Exception cause) {
        LOG.log(Level.WARNING, "Could not settle product availability; will try again", cause);
    }
}
