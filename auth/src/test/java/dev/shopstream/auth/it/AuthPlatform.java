package dev.shopstream.auth.it;

import dev.shopstream.devstack.node.KeycloakNode;
import dev.shopstream.testkit.ServicePlatform;

import java.time.Duration;
import java.util.Map;

/**
 * The auth server under test (see {@link ServicePlatform#startWithKeycloak}): real Keycloak with the repository's
 * realm, GreenMail, PostgreSQL and Kafka, started once for all integration tests. Keycloak is unpacked once into
 * the root's target/keycloak-it (shared with orders' tests) and keeps its build there; its data lives in this run's PostgreSQL, so every run imports the
 * realm afresh.
 */
public final class AuthPlatform extends ServicePlatform.Extension {

    static final String AUTH_CLIENT_SECRET = KeycloakNode.AUTH_CLIENT_DEMO_SECRET;
    /** How recent a sign-in DELETE /api/auth/me demands in the tests (5 minutes in production). */
    static final Duration REAUTHENTICATION_MAX_AGE = Duration.ofSeconds(8);
    static final int ANONYMOUS_RATE_LIMIT = 40;

    @Override
    protected ServicePlatform start() {
        return ServicePlatform.startWithKeycloak("auth", Map.ofEntries(
                Map.entry("SHOPSTREAM_KEYCLOAK_CLIENT_SECRET", AUTH_CLIENT_SECRET),
                Map.entry("SHOPSTREAM_AUTH_REAUTHENTICATION_MAX_AGE", REAUTHENTICATION_MAX_AGE.toString()),
                Map.entry("SHOPSTREAM_AUTH_ANONYMOUS_RATE_LIMIT_CAPACITY", Integer.toString(ANONYMOUS_RATE_LIMIT)),
                Map.entry("SHOPSTREAM_AUTH_ANONYMOUS_RATE_LIMIT_REFILL_PER_MINUTE", "1"),
                Map.entry("SHOPSTREAM_RATE_LIMIT_CAPACITY", "300"),
                Map.entry("SHOPSTREAM_RATE_LIMIT_REFILL_PER_SECOND", "100")));
    }
}
