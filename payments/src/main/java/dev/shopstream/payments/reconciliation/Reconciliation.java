package dev.shopstream.payments.reconciliation;

import dev.shopstream.payments.provider.ProviderCharge;
import dev.shopstream.payments.provider.ProviderGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * One reconciliation run: the provider's charges created in the window against our books for the payments they
 * name and the payments we created in the window. A payment created near the window's edge is looked up on the
 * other side by its key before it is called missing.
 */
@ApplicationScoped
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class.getName());

    @Inject
    ReconciliationRuns runs;

    @Inject
    ProviderGateway gateway;

    public void run(long runId) {
        ReconciliationRun run = runs.find(runId).orElseThrow(() ->
                new IllegalArgumentException("No reconciliation run " + runId));
        runs.running(runId);
        List<ProviderCharge> charges = new ArrayList<>(gateway.chargesCreatedBetween(run.provider(),
                run.windowStart().toInstant(), run.windowEnd().toInstant()));
        List<Books> books = new ArrayList<>(runs.booksCreatedBetween(run.provider(), run.windowStart(),
                run.windowEnd()));

        Set<String> ours = new HashSet<>();
        books.forEach(entry -> ours.add(entry.intentId().toString()));
        Set<UUID> namedByProvider = new HashSet<>();
        for (ProviderCharge charge : charges) {
            if (!ours.contains(charge.idempotencyKey())) {
                uuid(charge.idempotencyKey()).ifPresent(namedByProvider::add);
            }
        }
        books.addAll(runs.books(run.provider(), namedByProvider));

        Set<String> theirs = new HashSet<>();
        charges.forEach(charge -> theirs.add(charge.idempotencyKey()));
        for (Books entry : List.copyOf(books)) {
            if (!theirs.contains(entry.intentId().toString())) {
                gateway.findCharge(run.provider(), entry.intentId().toString()).ifPresent(charges::add);
            }
        }

        List<Gap> gaps = LedgerComparison.compare(books, charges);
        int recorded = runs.complete(run, charges.size(), books.size(), gaps);
        LOG.info(() -> "Reconciliation run " + runId + " of " + run.provider() + " " + run.windowStart() + " to "
                + run.windowEnd() + ": " + charges.size() + " charges, " + books.size() + " payments, " + recorded
                + " new gaps");
    }

    private static Optional<UUID> uuid(String key) {
        try {
            return Optional.of(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
