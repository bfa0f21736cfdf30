package dev.shopstream.payments.reconciliation;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A recorded gap, as admins read it. */
public record GapRecord(long id, long runId, String provider, String kind, UUID paymentId, String providerReference,
                        String ledgerValue, String providerValue, OffsetDateTime foundAt) {
}
