package dev.shopstream.admin.it;

import dev.shopstream.devstack.node.KeycloakNode;
import dev.shopstream.testkit.KeycloakUsers;
import dev.shopstream.testkit.ServicePlatform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The console under test with every service it calls, as their builds assembled them: catalog, payments, auth,
 * orders (which calls catalog and payments) and notifications, each with its database in one PostgreSQL, one Kafka,
 * GreenMail, and real Keycloak with the repository's realm, whose demo staff sign in with their TOTP codes. The
 * console's client is told its free-port address, as an operator registers a deployment's. Started once for all
 * browser tests by testkit.
 */
public final class ConsolePlatform extends ServicePlatform.Extension {

    static final String CONSOLE_CLIENT = "shopstream-admin-console";

    @Override
    protected ServicePlatform start() {
        ServicePlatform platform = ServicePlatform.startWithKeycloak(null, Map.of(
                // The test platform serves plain HTTP, as the local one does.
                "SESSION_COOKIE_SECURE", "false"), List.of(
                neighbour("catalog", Map.of(), "SHOPSTREAM_ORDERS_CATALOG_URL", "SHOPSTREAM_ADMIN_CATALOG_URL"),
                neighbour("payments", Map.of(
                        "SHOPSTREAM_PAYMENTS_SANDBOX_CONFIRMATION_DELAY", "PT1S",
                        "SHOPSTREAM_PAYMENTS_SANDBOX_WEBHOOKS_DELAY", "PT0.1S",
                        "SHOPSTREAM_PAYMENTS_SANDBOX_WEBHOOKS_POLL_INTERVAL", "PT0.1S"),
                        "SHOPSTREAM_ORDERS_PAYMENTS_URL", "SHOPSTREAM_ADMIN_PAYMENTS_URL"),
                neighbour("auth", Map.of("SHOPSTREAM_KEYCLOAK_CLIENT_SECRET", KeycloakNode.AUTH_CLIENT_DEMO_SECRET),
                        "SHOPSTREAM_ADMIN_AUTH_URL"),
                neighbour("orders", Map.of(), "SHOPSTREAM_ADMIN_ORDERS_URL"),
                // Three quick attempts before an event is dead-lettered, so DeadLetters' test need not wait long.
                neighbour("notifications", Map.of(
                        "SHOPSTREAM_EVENTS_RETRY_MAX_ATTEMPTS", "3",
                        "SHOPSTREAM_NOTIFICATIONS_DISPATCH_INTERVAL", "PT0.2S"),
                        "SHOPSTREAM_ADMIN_NOTIFICATIONS_URL")));
        new KeycloakUsers(platform.keycloak()).allowRedirectsTo(CONSOLE_CLIENT, platform.baseUri());
        return platform;
    }

    private static ServicePlatform.Neighbour neighbour(String name, Map<String, String> settings,
                                                       String... urlVariables) {
        return new ServicePlatform.Neighbour(name, Path.of(System.getProperty(name + ".user.dir")), settings,
                List.of(urlVariables));
    }
}
