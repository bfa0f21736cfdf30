package dev.shopstream.payments.reconciliation;

import dev.shopstream.commons.db.SchemaMigration;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reconciles the previous UTC day once a day: every {@code shopstream.payments.reconciliation.check-interval} each
 * replica tries to claim yesterday's window (a unique row), and only the one that claims it starts the job.
 */
@ApplicationScoped
public class ReconciliationScheduler {

    private static final Logger LOG = Logger.getLogger(ReconciliationScheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    ReconciliationJobs jobs;

    @Inject
    @ConfigProperty(name = "shopstream.payments.reconciliation.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "shopstream.payments.reconciliation.check-interval", defaultValue = "PT1H")
    Duration checkInterval;

    private ScheduledFuture<?> task;

    void start(@Observes @Priority(SchemaMigration.PRIORITY + 100) @Initialized(ApplicationScoped.class) Object started) {
        if (enabled) {
            task = executor.scheduleWithFixedDelay(this::reconcileYesterday, checkInterval.toMillis(),
                    checkInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void reconcileYesterday() {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        try {
            jobs.start(today.minus(Duration.ofDays(1)), today, "schedule", "schedule").ifPresent(run ->
                    LOG.info(() -> "Started the daily reconciliation, run " + run.id()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not start the daily reconciliation; will try again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
