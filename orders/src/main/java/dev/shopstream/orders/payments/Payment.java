package dev.shopstream.orders.payments;

import java.util.UUID;

/**
 * A payment as payments reports it (its {@code status} code, e.g. {@code requires_capture}), or, when payments
 * refused the operation asked of it, {@code refusal} with its reason.
 */
public record Payment(UUID id, String status, long capturedMinor, long refundedMinor, String failureCode,
                      String failureMessage, String refusal) {

    public static Payment refused(UUID id, String reason) {
        return new Payment(id, null, 0, 0, null, null, reason);
    }

    public boolean isRefused() {
        return refusal != null;
    }

    public boolean isAuthorized() {
        return "requires_capture".equals(status);
    }

    public boolean awaitsCustomer() {
        return "requires_action".equals(status) || "unknown".equals(status);
    }

    public boolean hasFailed() {
        return "failed".equals(status);
    }

    public boolean isCaptured() {
        return capturedMinor > 0;
    }

    /** Why it failed, for the order and the customer: the provider's message, else its code. */
    public String failureReason() {
        return failureMessage != null ? failureMessage : failureCode;
    }
}
