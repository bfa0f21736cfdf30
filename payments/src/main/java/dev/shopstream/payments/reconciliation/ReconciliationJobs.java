package dev.shopstream.payments.reconciliation;

import dev.shopstream.payments.provider.PaymentProviders;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/** Starts the {@code payment-reconciliation} Jakarta Batch job for a window of the active provider. */
@ApplicationScoped
public class ReconciliationJobs {

    public static final String JOB = "payment-reconciliation";

    @Inject
    ReconciliationRuns runs;

    @Inject
    PaymentProviders providers;

    /** @return the run, or empty when the schedule already claimed this window */
    public Optional<ReconciliationRun> start(Instant from, Instant to, String trigger, String startedBy) {
        Optional<Long> runId = runs.create(providers.activeProvider(), from, to, trigger, startedBy);
        runId.ifPresent(id -> {
            Properties parameters = new Properties();
            parameters.setProperty("runId", Long.toString(id));
            JobOperator operator = BatchRuntime.getJobOperator();
            runs.started(id, operator.start(JOB, parameters));
        });
        return runId.flatMap(runs::find);
    }
}
