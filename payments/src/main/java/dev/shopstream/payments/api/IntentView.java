package dev.shopstream.payments.api;

import dev.shopstream.payments.intent.LedgerEntry;
import dev.shopstream.payments.intent.LedgerKind;
import dev.shopstream.payments.intent.PaymentIntent;
import dev.shopstream.payments.intent.PaymentStatus;
import dev.shopstream.payments.intent.PendingOperation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A payment intent as the API shows it; the payment-method token is never shown. */
public record IntentView(UUID id, String orderId, String customerId, long amountMinor, String currency,
                         PaymentStatus status, long capturedMinor, long refundedMinor, long refundableMinor,
                         String provider, String failureCode, String failureMessage, List<RefundView> refunds,
                         List<PendingView> pendingOperations, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public record RefundView(String refundId, long amountMinor, String reason, OffsetDateTime createdAt) {
    }

    /**
     * A capture, void or refund the provider did not answer in time: it may have happened. The resolver settles it
     * from the provider's record, and the payment then shows the outcome.
     */
    public record PendingView(@Schema(enumeration = {"capture", "void", "refund"}) String operation,
                              Long amountMinor, OffsetDateTime since) {
    }

    static IntentView of(PaymentIntent intent, List<LedgerEntry> ledger, List<PendingOperation> pending) {
        List<RefundView> refunds = ledger.stream().filter(entry -> entry.kind() == LedgerKind.REFUND)
                .map(entry -> new RefundView(entry.providerReference(), entry.amountMinor(), entry.reason(),
                        entry.createdAt()))
                .toList();
        return new IntentView(intent.id(), intent.orderId(), intent.customerId(), intent.amount().amountMinor(),
                intent.currency(), intent.status(), intent.capturedMinor(), intent.refundedMinor(),
                intent.refundableMinor(), intent.provider(), intent.failureCode(), intent.failureMessage(), refunds,
                pending.stream().map(operation -> new PendingView(operation.kind().code(), operation.amountMinor(),
                        operation.since())).toList(),
                intent.createdAt(), intent.updatedAt());
    }
}
