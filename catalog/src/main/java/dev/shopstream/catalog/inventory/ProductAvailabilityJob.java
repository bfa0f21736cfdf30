package dev.shopstream.catalog.inventory;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Settles product availability every {@code shopstream.product-availability.interval} (2 s). Writes answered by
 * the service settle it at once (see the catalog's ReadYourWritesFilter); this catches what they leave: changes made
 * by bulk imports and expiring reservations, and settlements that failed.
 */
@ApplicationScoped
public class ProductAvailabilityJob {

    private static final Logger LOG = Logger.getLogger(ProductAvailabilityJob.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    ProductAvailability availability;

    @Inject
    @ConfigProperty(name = "shopstream.product-availability.interval", defaultValue = "PT2S")
    Duration interval;

    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        task = executor.scheduleWithFixedDelay(this::settle, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void settle() {
        try {
            int settled;
            do {
                settled = availability.settle();
            } while (settled > 0);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not settle product availability; will try again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
