package dev.shopstream.notifications.it;

import dev.shopstream.testkit.ServicePlatform;
import org.microshed.testing.ManuallyStartedConfiguration;

import java.util.Map;

/**
 * The notifications server under test with real PostgreSQL, Kafka and SMTP (GreenMail), trusting testkit's tokens,
 * and real Keycloak with the repository's realm beside it, where it looks up customers it never heard of.
 * The dispatcher looks for due mail often and backs off briefly, so a retry after the SMTP server comes back is
 * seconds away, a failing event is dead-lettered after 3 attempts, live streams get a heartbeat every second and a
 * user may have 3 open, and webhooks may go to http on localhost (the test's receiver), an endpoint disabled after 4
 * failures in a row. Broadcasts queue one recipient per batch at {@link #BROADCAST_RATE} per second. Unsubscribe
 * links are signed with a key the tests know and point at {@link #PUBLIC_URL}. Started once for all integration
 * tests; MicroShed Testing, in its manually-started mode, is pointed at it.
 */
public final class NotificationsPlatform extends ServicePlatform.Extension {

    /** Where the server says it is reached from outside: the base of its unsubscribe links. */
    static final String PUBLIC_URL = "https://shop.test";
    /** Broadcast recipients queued per second, one per batch: each waits 200 ms for the one before. */
    static final int BROADCAST_RATE = 5;
    /** The key unsubscribe links are signed with, so tests can make links of their own. */
    static final String UNSUBSCRIBE_SIGNING_KEY = "test-only-unsubscribe-signing-key-of-notifications-its";

    @Override
    protected ServicePlatform start() {
        ServicePlatform platform = ServicePlatform.startWithKeycloakBeside("notifications", Map.ofEntries(
                Map.entry("SHOPSTREAM_RATE_LIMIT_CAPACITY", "2000"),
                Map.entry("SHOPSTREAM_RATE_LIMIT_REFILL_PER_SECOND", "1000"),
                Map.entry("SHOPSTREAM_NOTIFICATIONS_DISPATCH_INTERVAL", "PT0.2S"),
                Map.entry("SHOPSTREAM_NOTIFICATIONS_DISPATCH_INITIAL_BACKOFF", "PT0.5S"),
                Map.entry("SHOPSTREAM_NOTIFICATIONS_DISPATCH_MAX_BACKOFF", "PT2S"),
                Map.entry("SHOPSTREAM_NOTIFICATIONS_DISPATCH_MAX_ATTEMPTS", "30"),
                Map.entry("SHOPSTREAM_MAIL_TIMEOUT", "PT2S"),
                Map.entry("SHOPSTREAM_NOTIFICATIONS_BROADCAST_INTERVAL", "PT0.1S"),
                Map.entry("SHOPSTREAM_NOTIFICATIONS_BROADCAST_BATCH", "1"),
                Map.entry("SHOPSTREAM_NOTIFICATIONS_BROADCAST_RATE_PER_SECOND", Integer.toString(BROADCAST_RATE)),
                Map.entry("SHOPSTREAM_NOTIFICATIONS_PUBLIC_URL", PUBLIC_URL),
                Map.entry("SHOPSTREAM_NOTIFICATIONS_UNSUBSCRIBE_SIGNING_KEY", UNSUBSCRIBE_SIGNING_KEY),
                                Map.entry("SHOPSTREAM_EVENTS_RETRY_MAX_ATTEMPTS", "3"),
                Map.entry("SHOPSTREAM_NOTIFICATIONS_LIVE_HEARTBEAT", "PT1S"),
                Map.entry("SHOPSTREAM_NOTIFICATIONS_LIVE_MAX_STREAMS_PER_USER", "3"),
                Map.entry("SHOPSTREAM_NOTIFICATIONS_WEBHOOKS_REQUIRE_HTTPS", "false"),
                Map.entry("SHOPSTREAM_NOTIFICATIONS_WEBHOOKS_ALLOWED_HOSTS", "localhost"),
                Map.entry("SHOPSTREAM_NOTIFICATIONS_WEBHOOKS_DISABLE_AFTER_FAILURES", "4"),
                Map.entry("SHOPSTREAM_NOTIFICATIONS_WEBHOOKS_TIMEOUT", "PT2S")));
        System.setProperty(ManuallyStartedConfiguration.MANUAL_ENALBED, "true");
        System.setProperty(ManuallyStartedConfiguration.MICROSHED_HOSTNAME, platform.baseUri().getHost());
        System.setProperty(ManuallyStartedConfiguration.MICROSHED_HTTP_PORT,
                Integer.toString(platform.baseUri().getPort()));
        return platform;
    }
}
