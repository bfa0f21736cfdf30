package dev.shopstream.payments.reconciliation;

import dev.shopstream.commons.scheduling.FixedDelayJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reconciles the previous UTC day once a day: every {@code shopstream.payments.reconciliation.check-interval} each
 * replica tries to claim yesterday's window (a unique row), and only the one that claims it starts the job.
 */
@ApplicationScoped
public class ReconciliationScheduler extends FixedDelayJob {

    private static final Logger LOG = Logger.getLogger(ReconciliationScheduler.class.getName());

    @Inject
    ReconciliationJobs jobs;

    @Inject
    @ConfigProperty(name = "shopstream.payments.reconciliation.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "shopstream.payments.reconciliation.check-interval", defaultValue = "PT1H")
    Duration checkInterval;

    @Override
    protected boolean enabled() {
        return enabled;
    }

    @Override
    protected Duration delay() {
        return checkInterval;
    }

    /** Yesterday's reconciliation, if no replica has started it yet. */
    @Override
    protected void run() {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        jobs.start(today.minus(Duration.ofDays(1)), today, "schedule", "schedule").ifPresent(run ->
                LOG.info(() -> "Started the daily reconciliation, run " + run.id()));
    }

    @Override
    protected void failed(Exception cause) {
        LOG.log(Level.WARNING, "Could not start the daily reconciliation; will try again", cause);
    }
}
