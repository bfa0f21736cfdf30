package dev.shopstream.orders.it;

import dev.shopstream.devstack.node.KeycloakNode;
import dev.shopstream.testkit.ServicePlatform;
import org.microshed.testing.ManuallyStartedConfiguration;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The orders server under test with the real servers it calls, catalog and payments (as their builds assembled
 * them), and auth, whose integrator clients GeneratedClientsIT uses; real Keycloak with the repository's realm
 * (orders signs its calls with the shopstream-orders service account; customers sign in with the password grant),
 * PostgreSQL with a database per service, and Kafka. Started
 * once for all integration tests by testkit; MicroShed Testing, in its manually-started mode, is pointed at it.
 */
public final class OrdersPlatform extends ServicePlatform.Extension {

    /**
     * How long the saga waits for a customer to confirm a payment, kept short for the tests; the sandbox's customers
     * confirm after 4 s, long enough for a test to take catalog down or kill orders in between.
     */
    static final String CONFIRMATION_TIMEOUT = "PT10S";

    @Override
    protected ServicePlatform start() {
        ServicePlatform platform = ServicePlatform.startWithKeycloak("orders", Map.ofEntries(
                Map.entry("SHOPSTREAM_RATE_LIMIT_CAPACITY", "2000"),
                Map.entry("SHOPSTREAM_RATE_LIMIT_REFILL_PER_SECOND", "1000"),
                Map.entry("SHOPSTREAM_ORDERS_PAYMENT_CONFIRMATION_TIMEOUT", CONFIRMATION_TIMEOUT),
                Map.entry("SHOPSTREAM_ORDERS_SAGA_INITIAL_BACKOFF", "PT0.5S"),
                Map.entry("SHOPSTREAM_ORDERS_SAGA_MAX_BACKOFF", "PT2S"),
                Map.entry("SHOPSTREAM_ORDERS_SAGA_MAX_ATTEMPTS", "4"),
                Map.entry("SHOPSTREAM_ORDERS_SAGA_LEASE", "PT5S"),
                Map.entry("SHOPSTREAM_ORDERS_SHIPPING_MINOR", "495")), List.of(
                new ServicePlatform.Neighbour("catalog", Path.of(System.getProperty("catalog.user.dir")), Map.of(
                        "SHOPSTREAM_RATE_LIMIT_CAPACITY", "2000",
                        "SHOPSTREAM_RATE_LIMIT_REFILL_PER_SECOND", "1000"), "SHOPSTREAM_ORDERS_CATALOG_URL"),
                new ServicePlatform.Neighbour("payments", Path.of(System.getProperty("payments.user.dir")), Map.of(
                        "SHOPSTREAM_RATE_LIMIT_CAPACITY", "2000",
                        "SHOPSTREAM_RATE_LIMIT_REFILL_PER_SECOND", "1000",
                        "SHOPSTREAM_PAYMENTS_SANDBOX_CONFIRMATION_DELAY", "PT4S",
                        "SHOPSTREAM_PAYMENTS_SANDBOX_WEBHOOKS_DELAY", "PT0.1S",
                        "SHOPSTREAM_PAYMENTS_SANDBOX_WEBHOOKS_POLL_INTERVAL", "PT0.1S"),
                        "SHOPSTREAM_ORDERS_PAYMENTS_URL"),
                // Orders never calls auth; GeneratedClientsIT's integrator gets its client from it.
                new ServicePlatform.Neighbour("auth", Path.of(System.getProperty("auth.user.dir")), Map.of(
                        "SHOPSTREAM_KEYCLOAK_CLIENT_SECRET", KeycloakNode.AUTH_CLIENT_DEMO_SECRET,
                        "SHOPSTREAM_RATE_LIMIT_CAPACITY", "2000",
                        "SHOPSTREAM_RATE_LIMIT_REFILL_PER_SECOND", "1000"), "SHOPSTREAM_ORDERS_AUTH_URL")));
        System.setProperty(ManuallyStartedConfiguration.MANUAL_ENALBED, "true");
        System.setProperty(ManuallyStartedConfiguration.MICROSHED_HOSTNAME, platform.baseUri().getHost());
        System.setProperty(ManuallyStartedConfiguration.MICROSHED_HTTP_PORT,
                Integer.toString(platform.baseUri().getPort()));
        return platform;
    }
}
