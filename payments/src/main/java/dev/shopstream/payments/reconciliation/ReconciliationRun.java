package dev.shopstream.payments.reconciliation;

import java.time.OffsetDateTime;

/** One reconciliation of a provider's window, as admins read it. */
public record ReconciliationRun(long id, String provider, OffsetDateTime windowStart, OffsetDateTime windowEnd,
                                String trigger, String startedBy, Long executionId, String status,
                                Integer chargesChecked, Integer paymentsChecked, Integer gapsFound,
                                OffsetDateTime createdAt, OffsetDateTime finishedAt) {
}
