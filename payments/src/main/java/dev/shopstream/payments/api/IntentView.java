package dev.shopstream.payments.api;

import dev.shopstream.payments.intent.LedgerEntry;
import dev.shopstream.payments.intent.LedgerKind;
import dev.shopstream.payments.intent.PaymentIntent;
import dev.shopstream.payments.intent.PaymentStatus;
import dev.shopstream.payments.intent.PendingOperation;
import dev.shopstream.payments.provider.PaymentProvider;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A payment intent as the API shows it; the payment-method token is never shown. */
@Schema(description = "A payment: what was authorized, captured and refunded. Amounts are in the currency's minor "
        + "unit; the payment-method token is never shown.")
public record IntentView(UUID id,
                         @Schema(maxLength = PaymentRequests.ORDER_ID_MAX_LENGTH) String orderId,
                         @Schema(maxLength = PaymentRequests.CUSTOMER_ID_MAX_LENGTH) String customerId,
                         long amountMinor,
                         @Schema(maxLength = PaymentRequests.CURRENCY_LENGTH, example = "EUR") String currency,
                         PaymentStatus status,
                         long capturedMinor,
                         long refundedMinor,
                         @Schema(description = "Captured and not yet refunded") long refundableMinor,
                         @Schema(maxLength = PaymentProvider.NAME_MAX_LENGTH, example = "sandbox") String provider,
                         @Schema(maxLength = FAILURE_CODE_MAX_LENGTH, example = "insufficient_funds",
                                 description = "Why it failed, only when failed") String failureCode,
                         @Schema(maxLength = FAILURE_MESSAGE_MAX_LENGTH, description = "The failure in words a "
                                 + "shopper may be shown") String failureMessage,
                         @Schema(maxItems = MAX_REFUNDS) List<RefundView> refunds,
                         @Schema(maxItems = MAX_PENDING, description = "Operations the provider has not answered "
                                 + "yet; they may have happened") List<PendingView> pendingOperations,
                         OffsetDateTime createdAt,
                         OffsetDateTime updatedAt) {

    /** The failure_code and failure_message columns. */
    static final int FAILURE_CODE_MAX_LENGTH = 64;
    static final int FAILURE_MESSAGE_MAX_LENGTH = 500;

    /**
     * The most refunds the API documents for one payment. Nothing enforces it (the provider may report refunds made
     * elsewhere); a payment is refunded a handful of times at most.
     */
    static final int MAX_REFUNDS = 100;

    /** A capture, a void and the refunds can be pending at once. */
    static final int MAX_PENDING = MAX_REFUNDS + 2;

    public record RefundView(@Schema(maxLength = PaymentProvider.REFERENCE_MAX_LENGTH, example = "re_3PqX2b",
                                     description = "The provider's refund reference") String refundId,
                             long amountMinor,
                             @Schema(maxLength = PaymentRequests.REASON_MAX_LENGTH,
                                     description = "Absent for refunds made at the provider") String reason,
                             OffsetDateTime createdAt) {
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
