package dev.shopstream.payments.reconciliation;

import dev.shopstream.payments.intent.PaymentStatus;

import java.util.UUID;

/** One payment as our books have it: its state and the ledger's sums. */
public record Books(UUID intentId, PaymentStatus status, long authorizedMinor, long capturedMinor,
                    long refundedMinor) {
}
