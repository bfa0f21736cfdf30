package dev.shopstream.payments.it;

import dev.shopstream.testkit.ServicePlatform;

import java.util.Map;
import java.util.UUID;

/**
 * The payments service under test (see {@link ServicePlatform}). The sandbox provider runs inside it as in local use,
 * set to deliver every webhook twice and out of order, and to answer pm_card_slow (and the pm_card_slow_capture, _void
 * and _refund operations) after the provider timeout.
 */
public final class PaymentsPlatform extends ServicePlatform.Extension {

    /** The signing secret of both providers' webhooks in the tests. */
    static final String WEBHOOK_SECRET = "whsec_it_" + UUID.randomUUID();

    @Override
    protected ServicePlatform start() {
        return ServicePlatform.start("payments", Map.ofEntries(
                Map.entry("SHOPSTREAM_RATE_LIMIT_CAPACITY", "2000"),
                Map.entry("SHOPSTREAM_RATE_LIMIT_REFILL_PER_SECOND", "1000"),
                Map.entry("SHOPSTREAM_PAYMENTS_SANDBOX_WEBHOOK_SECRET", WEBHOOK_SECRET),
                Map.entry("SHOPSTREAM_PAYMENTS_STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET),
                Map.entry("SHOPSTREAM_PAYMENTS_SANDBOX_WEBHOOKS_DUPLICATE_RATE", "1"),
                Map.entry("SHOPSTREAM_PAYMENTS_SANDBOX_WEBHOOKS_REORDER_WINDOW", "PT0.5S"),
                Map.entry("SHOPSTREAM_PAYMENTS_SANDBOX_WEBHOOKS_DELAY", "PT0.1S"),
                Map.entry("SHOPSTREAM_PAYMENTS_SANDBOX_WEBHOOKS_POLL_INTERVAL", "PT0.1S"),
                Map.entry("SHOPSTREAM_PAYMENTS_SANDBOX_CONFIRMATION_DELAY", "PT1S"),
                Map.entry("SHOPSTREAM_PAYMENTS_SANDBOX_SLOW_LATENCY", "PT8S"),
                Map.entry("SHOPSTREAM_PAYMENTS_RESOLVER_INTERVAL", "PT1S"),
                // Longer than the provider timeout (3 s), so the resolver never races a request still waiting.
                Map.entry("SHOPSTREAM_PAYMENTS_RESOLVER_GRACE", "PT5S")));
    }
}
