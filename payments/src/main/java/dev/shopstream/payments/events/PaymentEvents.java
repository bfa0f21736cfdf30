package dev.shopstream.payments.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What payments announces on {@code payment.events} (see docs/events/payment.events.md). */
public final class PaymentEvents {

    public static final String TOPIC = "payment.events";
    public static final String AUTHORIZED = "dev.shopstream.payments.payment.authorized";
    public static final String REQUIRES_ACTION = "dev.shopstream.payments.payment.requires-action";
    public static final String FAILED = "dev.shopstream.payments.payment.failed";
    public static final String CAPTURED = "dev.shopstream.payments.payment.captured";
    public static final String VOIDED = "dev.shopstream.payments.payment.voided";
    public static final String REFUNDED = "dev.shopstream.payments.payment.refunded";
    public static final String GAP_FOUND = "dev.shopstream.payments.reconciliation.gap-found";

    private PaymentEvents() {
    }

    /**
     * Data of every payment event: the intent as it is now ({@code status} is its code, e.g.
     * {@code requires_capture}). {@code refund} is set on refunded events only.
     */
    public record PaymentChanged(UUID paymentId, String orderId, String customerId, String status,
                                 long amountMinor, String currency, long capturedMinor, long refundedMinor,
                                 String failureCode, Refund refund, OffsetDateTime at) {
    }

    public record Refund(String refundId, long amountMinor, String reason) {
    }
}
