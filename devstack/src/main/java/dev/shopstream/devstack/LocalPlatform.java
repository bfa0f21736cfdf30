package dev.shopstream.devstack;

import dev.shopstream.devstack.node.Elapsed;
import dev.shopstream.devstack.node.KafkaNode;
import dev.shopstream.devstack.node.KeycloakNode;
import dev.shopstream.devstack.node.LibertyServerProcess;
import dev.shopstream.devstack.node.MailApiServer;
import dev.shopstream.devstack.node.PostgresNode;
import dev.shopstream.devstack.node.SmtpNode;
import dev.shopstream.devstack.node.StartupFailure;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import static dev.shopstream.devstack.DevstackSettings.KAFKA_CONTROLLER_PORT;
import static dev.shopstream.devstack.DevstackSettings.KAFKA_PORT;
import static dev.shopstream.devstack.DevstackSettings.KEYCLOAK_PORT;
import static dev.shopstream.devstack.DevstackSettings.MAIL_API_PORT;
import static dev.shopstream.devstack.DevstackSettings.POSTGRES_PORT;
import static dev.shopstream.devstack.DevstackSettings.SMTP_PORT;

/** Starts the platform's components in dependency order, timing each, and stops them in reverse order. */
final class LocalPlatform {

    static final List<String> DATABASES = List.of("catalog", "auth", "orders", "payments", "notifications", "keycloak");

    private static final Duration KEYCLOAK_READINESS_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration SERVICE_READINESS_TIMEOUT = Duration.ofMinutes(3);

    private final DevstackSettings settings;
    private final PrintStream console;
    private final Deque<Running> running = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean stopping;

    private record Running(String name, AutoCloseable component) {
    }

    LocalPlatform(DevstackSettings settings, PrintStream console) {
        this.settings = settings;
        this.console = console;
    }

    /** Starts everything, or fails with the first component that did not start (the others keep running). */
    StartedPlatform start(Path wlpDirectory, List<LibertyService> services) throws InterruptedException {
        Path data = settings.dataDirectory();
        PostgresNode postgres = startAndRegister("PostgreSQL",
                () -> PostgresNode.start(data.resolve("postgres"), settings.port(POSTGRES_PORT), DATABASES));
        SmtpNode smtp = startAndRegister("GreenMail SMTP", () -> SmtpNode.start(settings.port(SMTP_PORT)));
        MailApiServer mailApi = startAndRegister("Mail API", () -> MailApiServer.start(smtp, settings.port(MAIL_API_PORT)));

        // Keycloak takes by far the longest, so it starts first, on its own thread, while Kafka starts here.
        Path realmFile = settings.root().resolve("liberty-config/src/main/resources/keycloak/shopstream-realm.json");
        BackgroundStart<KeycloakNode> keycloakStart = new BackgroundStart<>("Keycloak", () -> timed("Keycloak",
                () -> KeycloakNode.start(data.resolve("keycloak"), settings.port(KEYCLOAK_PORT), realmFile,
                        postgres.login("keycloak"), smtp, KEYCLOAK_READINESS_TIMEOUT)));
        KafkaNode kafka;
        KeycloakNode keycloak;
        try {
            kafka = startAndRegister("Kafka", () -> KafkaNode.start(data.resolve("kafka"),
                    settings.port(KAFKA_PORT), settings.port(KAFKA_CONTROLLER_PORT)));
            keycloak = keycloakStart.await();
        } catch (RuntimeException | InterruptedException e) {
            keycloakStart.abandon().ifPresent(started -> register("Keycloak", started));
            throw e;
        }
        register("Keycloak", keycloak);

        Map<String, String> serviceEnvironment = serviceEnvironment(kafka, keycloak);
        Map<LibertyService, LibertyServerProcess> servers = new LinkedHashMap<>();
        for (LibertyService service : services) {
            servers.put(service, startAndRegister(service.name(), () -> LibertyServerProcess.start(wlpDirectory,
                    service.userDirectory(settings.root()), service.name(), settings.port(service.port()),
                    serviceEnvironment, SERVICE_READINESS_TIMEOUT)));
        }
        return new StartedPlatform(postgres, smtp, mailApi, kafka, keycloak, servers);
    }

    /** Stops every running component, newest first; safe to call more than once and from a shutdown hook. */
    void stop() {
        List<Running> toStop;
        synchronized (this) {
            stopping = true;
            toStop = new ArrayList<>(running);
            running.clear();
        }
        if (!toStop.isEmpty()) {
            console.println("Stopping Shopstream's local platform");
        }
        toStop.forEach(this::stopComponent);
        stopped.countDown();
    }

    private void stopComponent(Running component) {
        long began = System.nanoTime();
        try {
            component.component().close();
            console.printf("  %-16s stopped in %s%n", component.name(), Elapsed.since(began));
        } catch (Exception e) {
            console.printf("  %-16s did not stop cleanly: %s%n", component.name(), e.getMessage());
        }
    }

    void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    private Map<String, String> serviceEnvironment(KafkaNode kafka, KeycloakNode keycloak) {
        return Map.ofEntries(
                Map.entry("DB_HOST", "localhost"),
                Map.entry("DB_PORT", Integer.toString(settings.port(POSTGRES_PORT))),
                Map.entry("DB_USER", PostgresNode.USER),
                Map.entry("DB_PASSWORD", PostgresNode.PASSWORD),
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
                Map.entry("MP_JWT_VERIFY_ISSUER", keycloak.issuer().toString()),
                Map.entry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keycloak.jwksUri().toString()),
                Map.entry("MP_JWT_VERIFY_AUDIENCES", "shopstream-api"),
                // The auth service's admin client, with the realm's LOCAL DEMO secret of client shopstream-auth.
                Map.entry("SHOPSTREAM_KEYCLOAK_URL", keycloak.baseUri().toString()),
                Map.entry("SHOPSTREAM_KEYCLOAK_CLIENT_SECRET", KeycloakNode.AUTH_CLIENT_DEMO_SECRET),
                // Where notifications sends mail: GreenMail, which shows it at the mail API.
                Map.entry("SHOPSTREAM_MAIL_HOST", "localhost"),
                Map.entry("SHOPSTREAM_MAIL_PORT", Integer.toString(settings.port(SMTP_PORT))),
                // Local development only: integrators' webhooks may go to plain http on this machine.
                Map.entry("SHOPSTREAM_NOTIFICATIONS_WEBHOOKS_REQUIRE_HTTPS", "false"),
                Map.entry("SHOPSTREAM_NOTIFICATIONS_WEBHOOKS_ALLOWED_HOSTS", "localhost"),
                // Where orders finds the services it calls.
                Map.entry("SHOPSTREAM_ORDERS_CATALOG_URL", localUrl(LibertyService.CATALOG)),
                Map.entry("SHOPSTREAM_ORDERS_PAYMENTS_URL", localUrl(LibertyService.PAYMENTS)),
                // The admin console: the services it calls, its own address (Keycloak's redirect URIs for it are
                // http://localhost:9080/*) and a session cookie without Secure, as the local platform serves plain HTTP.
                Map.entry("SHOPSTREAM_ADMIN_CATALOG_URL", localUrl(LibertyService.CATALOG)),
                Map.entry("SHOPSTREAM_ADMIN_AUTH_URL", localUrl(LibertyService.AUTH)),
                Map.entry("SHOPSTREAM_ADMIN_ORDERS_URL", localUrl(LibertyService.ORDERS)),
                Map.entry("SHOPSTREAM_ADMIN_PAYMENTS_URL", localUrl(LibertyService.PAYMENTS)),
                Map.entry("SHOPSTREAM_ADMIN_NOTIFICATIONS_URL", localUrl(LibertyService.NOTIFICATIONS)),
                Map.entry("SHOPSTREAM_ADMIN_PUBLIC_URL", localUrl(LibertyService.ADMIN_UI)),
                Map.entry("SESSION_COOKIE_SECURE", "false"),
                // Each server's console goes to logs/devstack-console.log, which nothing rotates: keep the access log
                // out of it (Liberty writes it to logs/http_access.log and rotates that) unless asked otherwise.
                Map.entry("LOG_CONSOLE_SOURCES", System.getenv().getOrDefault("LOG_CONSOLE_SOURCES", "message,ffdc")));
    }

    private String localUrl(LibertyService service) {
        return "http://localhost:" + settings.port(service.port());
    }

    private <T extends AutoCloseable> T startAndRegister(String name, Supplier<T> start) {
        return register(name, timed(name, start));
    }

    private <T> T timed(String name, Supplier<T> start) {
        long began = System.nanoTime();
        T component;
        try {
            component = start.get();
        } catch (StartupFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StartupFailure(name, "failed: " + e.getMessage(), null, e);
        }
        console.printf("  %-16s ready in %s%n", name, Elapsed.since(began));
        return component;
    }

    private synchronized <T extends AutoCloseable> T register(String name, T component) {
        if (stopping) {
            // Finished starting while Ctrl-C was stopping the others: stop it too rather than leave it behind.
            stopComponent(new Running(name, component));
            throw new StartupFailure(name, "started while the platform was stopping", null);
        }
        running.push(new Running(name, component));
        return component;
    }

}
