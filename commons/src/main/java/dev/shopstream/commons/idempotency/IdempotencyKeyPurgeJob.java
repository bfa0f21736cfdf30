package dev.shopstream.commons.idempotency;

import dev.shopstream.commons.scheduling.FixedDelayJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Deletes expired idempotency keys every hour; expired keys are already ignored, this only keeps the table small. */
@ApplicationScoped
public class IdempotencyKeyPurgeJob extends FixedDelayJob {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurgeJob.class.getName());

    @Inject
    IdempotencyStore store;

    @Override
    protected Duration initialDelay() {
        return Duration.ofMinutes(1);
    }

    @Override
    protected Duration delay() {
        return Duration.ofHours(1);
    }

    @Override
    protected void run() {
        int purged = store.purgeExpired();
        LOG.fine(() -> "Purged " + purged + " expired idempotency keys");
    }

    @Override
    protected void failed(Exception cause) {
        LOG.log(Level.WARNING, "Could not purge expired idempotency keys; will try again", cause);
    }
}
