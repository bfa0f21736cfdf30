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

/** Releases reservations whose time-to-live has passed, every {@code shopstream.reservations.expiry-interval}. */
@ApplicationScoped
public class ReservationExpiryJob {

    private static final Logger LOG = Logger.getLogger(ReservationExpiryJob.class.getName());
    private static final int BATCH = 100;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Inventory inventory;

    @Inject
    @ConfigProperty(name = "shopstream.reservations.expiry-interval", defaultValue = "PT5S")
    Duration interval;

    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        task = executor.scheduleWithFixedDelay(this::expire, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void expire() {
        try {
            int expired;
            do {
                expired = inventory.expireDue(BATCH);
                if (expired > 0) {
                    int count = expired;
                    LOG.info(() -> "Released " + count + " expired reservations");
                }
            } while (expired == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not expire reservations; will try again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
