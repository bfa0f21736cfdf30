package dev.shopstream.commons.idempotency;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Deletes expired idempotency keys every hour; expired keys are already ignored, this only keeps the table small. */
@ApplicationScoped
public class IdempotencyKeyPurgeJob {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurgeJob.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    IdempotencyStore store;

    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        task = executor.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
    }

    private void purge() {
        try {
            int purged = store.purgeExpired();
            LOG.fine(() -> "Purged " + purged + " expired idempotency keys");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not purge expired idempotency keys; will try again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
