package dev.shopstream.payments.sandbox;

import java.util.Arrays;

/**
 * The sandbox's test payment-method tokens and how the simulated card behaves. Any other token is declined as
 * {@code invalid_payment_method}.
 */
public enum SandboxCard {
    SUCCEEDS("pm_card_visa", null),
    DECLINED("pm_card_declined", "card_declined"),
    INSUFFICIENT_FUNDS("pm_card_insufficient_funds", "insufficient_funds"),
    EXPIRED("pm_card_expired", "expired_card"),
    PROCESSING_ERROR("pm_card_processing_error", "processing_error"),
    /** Needs the customer's confirmation (3-D Secure), which arrives later by webhook. */
    REQUIRES_ACTION("pm_card_requires_action", null),
    /** Authorized, but the answer takes {@code shopstream.payments.sandbox.slow-latency}: callers time out. */
    SLOW("pm_card_slow", null),
    UNKNOWN_TOKEN(null, "invalid_payment_method");

    private final String token;
    private final String declineCode;

    SandboxCard(String token, String declineCode) {
        this.token = token;
        this.declineCode = declineCode;
    }

    public static SandboxCard of(String token) {
        return Arrays.stream(values()).filter(card -> card.token != null && card.token.equals(token)).findFirst()
                .orElse(UNKNOWN_TOKEN);
    }

    /** Null when the card is not declined. */
    public String declineCode() {
        return declineCode;
    }
}
