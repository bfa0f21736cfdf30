package dev.shopstream.payments.reconciliation;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The step of the {@code payment-reconciliation} job (META-INF/batch-jobs): runs one reconciliation_run. */
@Named("reconciliationBatchlet")
@Dependent
public class ReconciliationBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    Reconciliation reconciliation;

    @Inject
    ReconciliationRuns runs;

    @Override
    public String process() {
        long id = Long.parseLong(runId);
        try {
            reconciliation.run(id);
            return BatchStatus.COMPLETED.name();
        } catch (RuntimeException e) {
            runs.failed(id);
            throw e;
        }
    }
}
