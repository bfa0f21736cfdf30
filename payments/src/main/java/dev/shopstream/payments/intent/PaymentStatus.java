package dev.shopstream.payments.intent;

import dev.shopstream.payments.provider.ProviderCharge;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Locale;

/**
 * Where a payment intent stands. {@code UNKNOWN} means the provider's answer is not known yet (the call is running,
 * or it timed out); the resolver settles it from the provider's record.
 */
@JsonbTypeAdapter(PaymentStatus.JsonAdapter.class)
@Schema(enumeration = {"unknown", "requires_action", "requires_capture", "failed", "captured", "partially_captured",
        "voided", "partially_refunded", "refunded"},
        description = "Where a payment stands. unknown: the provider's answer is not known yet, the resolver "
                + "settles it; requires_action: the customer must confirm (3-D Secure); requires_capture: "
                + "authorized, waiting for capture; failed: declined, failureCode says why; captured or "
                + "partially_captured: the money is taken; voided: released without capture; partially_refunded or "
                + "refunded: money given back.")
public enum PaymentStatus {
    UNKNOWN,
    REQUIRES_ACTION,
    REQUIRES_CAPTURE,
    FAILED,
    CAPTURED,
    PARTIALLY_CAPTURED,
    VOIDED,
    PARTIALLY_REFUNDED,
    REFUNDED;

    /** The API and database spelling, e.g. {@code requires_capture}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Whether the provider has not yet given its final answer on the authorization. */
    public boolean awaitsAuthorization() {
        return this == UNKNOWN || this == REQUIRES_ACTION;
    }

    /**
     * Whether the provider's record of the charge brings an intent in this status forward: only ever forward, so a
     * report older than what the intent knows (a late "authorized" after the capture) does not.
     */
    public boolean isMovedOnBy(ProviderCharge charge) {
        return switch (charge.status()) {
            case REQUIRES_ACTION -> this == UNKNOWN;
            case AUTHORIZED, FAILED -> awaitsAuthorization();
            case CAPTURED -> awaitsAuthorization() || this == REQUIRES_CAPTURE && charge.capturedMinor() > 0;
            case CANCELED -> awaitsAuthorization() || this == REQUIRES_CAPTURE;
        };
    }

    /** Whether money was captured, so that refunds are possible. */
    public boolean hasCaptured() {
        return this == CAPTURED || this == PARTIALLY_CAPTURED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }

    public static final class JsonAdapter implements jakarta.json.bind.adapter.JsonbAdapter<PaymentStatus, String> {
        @Override
        public String adaptToJson(PaymentStatus status) {
            return status.code();
        }

        @Override
        public PaymentStatus adaptFromJson(String code) {
            return ofCode(code);
        }
    }
}
