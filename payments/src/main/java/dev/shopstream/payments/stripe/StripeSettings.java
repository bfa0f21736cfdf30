package dev.shopstream.payments.stripe;

import java.time.Duration;
import java.util.Optional;

/**
 * How to reach Stripe: the secret API key, the API base (Stripe's, or a stub in tests), the endpoint secret of our
 * webhook endpoint (whsec_...), the webhook timestamp tolerance and the HTTP timeouts.
 */
public record StripeSettings(Optional<String> apiKey, String apiBase, Optional<String> webhookSecret,
                             Duration tolerance, Duration connectTimeout, Duration readTimeout) {
}
