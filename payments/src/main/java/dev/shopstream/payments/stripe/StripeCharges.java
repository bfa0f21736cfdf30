package dev.shopstream.payments.stripe;

import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import dev.shopstream.payments.provider.ProviderCharge;
import dev.shopstream.payments.provider.ProviderCharge.ChargeStatus;

import java.util.Locale;

/** Reads Stripe's PaymentIntents as provider charges. */
final class StripeCharges {

    /** The metadata key under which each PaymentIntent carries our payment id (its idempotency key). */
    static final String PAYMENT_ID = "shopstream_payment_id";

    private StripeCharges() {
    }

    static ProviderCharge of(PaymentIntent intent) {
        ChargeStatus status = statusOf(intent);
        Charge latest = intent.getLatestChargeObject();
        long captured = intent.getAmountReceived() == null ? 0 : intent.getAmountReceived();
        long refunded = latest == null || latest.getAmountRefunded() == null ? 0 : latest.getAmountRefunded();
        return new ProviderCharge(intent.getId(), intent.getMetadata() == null ? null : intent.getMetadata().get(PAYMENT_ID),
                status, intent.getAmount(), intent.getCurrency().toUpperCase(Locale.ROOT), captured, refunded,
                status == ChargeStatus.FAILED ? failureCodeOf(intent.getLastPaymentError()) : null);
    }

    /**
     * Stripe's states: requires_capture is our authorization, succeeded a capture; a PaymentIntent that needs a new
     * payment method after an attempt failed; processing and requires_confirmation still await an outcome.
     */
    private static ChargeStatus statusOf(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "requires_capture" -> ChargeStatus.AUTHORIZED;
            case "succeeded" -> ChargeStatus.CAPTURED;
            case "canceled" -> ChargeStatus.CANCELED;
            case "requires_payment_method" -> ChargeStatus.FAILED;
            default -> ChargeStatus.REQUIRES_ACTION;
        };
    }

    /** The decline code when Stripe gives one ({@code insufficient_funds}), else the error code. */
    static String failureCodeOf(StripeError error) {
        if (error == null) {
            return "card_declined";
        }
        return error.getDeclineCode() != null ? error.getDeclineCode()
                : error.getCode() != null ? error.getCode() : "card_declined";
    }
}
