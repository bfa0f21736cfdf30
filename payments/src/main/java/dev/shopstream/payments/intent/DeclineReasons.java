package dev.shopstream.payments.intent;

import java.util.Map;

/** What a provider's decline codes mean, in words a shopper may be shown. */
public final class DeclineReasons {

    private static final Map<String, String> MESSAGES = Map.of(
            "card_declined", "The card was declined.",
            "insufficient_funds", "The card has insufficient funds.",
            "expired_card", "The card has expired.",
            "processing_error", "The payment could not be processed; try again.",
            "authentication_failed", "The customer did not confirm the payment.",
            "provider_refused", "The payment provider refused the payment.");

    private DeclineReasons() {
    }

    public static String describe(String code) {
        return code == null ? null : MESSAGES.getOrDefault(code, "The payment was declined.");
    }
}
