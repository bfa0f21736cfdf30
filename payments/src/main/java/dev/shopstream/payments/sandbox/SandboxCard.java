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
    /** Needs the customer's confirmation, which never comes: the customer left the 3-D Secure page. */
    ABANDONED("pm_card_requires_action_abandoned", null),
    /** Authorized, but the answer takes {@code shopstream.payments.sandbox.slow-latency}: callers time out. */
    SLOW("pm_card_slow", null),
    /** Authorized at once; its capture happens at once, but the answer takes the slow latency: callers time out. */
    SLOW_CAPTURE("pm_card_slow_capture", null),
    /** Authorized at once; its void (cancel) happens at once, but the answer takes the slow latency. */
    SLOW_VOID("pm_card_slow_void", null),
    /** Authorized at once; its refunds happen at once, but their answers take the slow latency. */
    SLOW_REFUND("pm_card_slow_refund", null),
    /** Authorized at once; every capture, void and refund of it fails with a transient error, changing nothing. */
    OUTAGE("pm_card_outage", null),
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

    /** Whether a charge of this card waits for the customer's confirmation (3-D Secure). */
    public boolean awaitsCustomer() {
        return this == REQUIRES_ACTION || this == ABANDONED;
    }

    /** Whether the sandbox answers {@code operation} on a charge of this card only after the slow latency. */
    public boolean slowAt(Operation operation) {
        return switch (operation) {
            case AUTHORIZE -> this == SLOW;
            case CAPTURE -> this == SLOW_CAPTURE;
            case CANCEL -> this == SLOW_VOID;
            case REFUND -> this == SLOW_REFUND;
        };
    }

    /** What the sandbox is asked to do with a charge. */
    public enum Operation {
        AUTHORIZE, CAPTURE, CANCEL, REFUND
    }

    /** Null when the card is not declined. */
    public String declineCode() {
        return declineCode;
    }
}
