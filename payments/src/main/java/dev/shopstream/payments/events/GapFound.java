package dev.shopstream.payments.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Data of {@code dev.shopstream.payments.reconciliation.gap-found} on payment.events. */
public record GapFound(long gapId, long runId, String provider, String kind, UUID paymentId,
                       String providerReference, String ledgerValue, String providerValue,
                       OffsetDateTime windowStart, OffsetDateTime windowEnd) {
}
