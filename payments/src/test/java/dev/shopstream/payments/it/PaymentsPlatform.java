package dev.shopstream.payments.it;

import dev.shopstream.devstack.KafkaNode;
import dev.shopstream.devstack.LibertyServerProcess;
import dev.shopstream.devstack.Ports;
import dev.shopstream.devstack.PostgresNode;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The payments server on a real Liberty with real PostgreSQL and Kafka, started with devstack's classes once for
 * all integration tests, on free ports. The sandbox provider runs inside it as in local use, set to deliver every
 * webhook twice and out of order, and to answer pm_card_slow after the provider timeout.
 */
public final class PaymentsPlatform implements AutoCloseable {

    private static final String DATABASE = "payments";
    private static final Path WLP_DIRECTORY = Path.of(System.getProperty("liberty.wlp.dir"));
    private static final Path USER_DIRECTORY = Path.of(System.getProperty("liberty.user.dir"));
    private static final String SERVER_NAME = System.getProperty("liberty.server.name");

    private final TestTokens tokens = new TestTokens();
    private final String webhookSecret = "whsec_it_" + UUID.randomUUID();
    private final PostgresNode postgres;
    private final KafkaNode kafka;
    private final LibertyServerProcess server;

    private PaymentsPlatform() throws IOException {
        Path workDirectory = Files.createTempDirectory("payments-it");
        postgres = PostgresNode.start(workDirectory.resolve("postgres"), Ports.freePort(), List.of(DATABASE));
        kafka = KafkaNode.start(workDirectory.resolve("kafka"), Ports.freePort(), Ports.freePort());
        Map<String, String> environment = Map.ofEntries(
                Map.entry("DB_PORT", Integer.toString(postgres.port())),
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
                Map.entry("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER),
                Map.entry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", tokens.writeJwks(workDirectory).toUri().toString()),
                Map.entry("MP_JWT_VERIFY_AUDIENCES", TestTokens.AUDIENCE),
                Map.entry("SHOPSTREAM_RATE_LIMIT_CAPACITY", "2000"),
                Map.entry("SHOPSTREAM_RATE_LIMIT_REFILL_PER_SECOND", "1000"),
                Map.entry("SHOPSTREAM_PAYMENTS_SANDBOX_WEBHOOK_SECRET", webhookSecret),
                Map.entry("SHOPSTREAM_PAYMENTS_STRIPE_WEBHOOK_SECRET", webhookSecret),
                Map.entry("SHOPSTREAM_PAYMENTS_SANDBOX_WEBHOOKS_DUPLICATE_RATE", "1"),
                Map.entry("SHOPSTREAM_PAYMENTS_SANDBOX_WEBHOOKS_REORDER_WINDOW", "PT0.5S"),
                Map.entry("SHOPSTREAM_PAYMENTS_SANDBOX_WEBHOOKS_DELAY", "PT0.1S"),
                Map.entry("SHOPSTREAM_PAYMENTS_SANDBOX_WEBHOOKS_POLL_INTERVAL", "PT0.1S"),
                Map.entry("SHOPSTREAM_PAYMENTS_SANDBOX_CONFIRMATION_DELAY", "PT1S"),
                Map.entry("SHOPSTREAM_PAYMENTS_SANDBOX_SLOW_LATENCY", "PT8S"),
                Map.entry("SHOPSTREAM_PAYMENTS_RESOLVER_INTERVAL", "PT1S"),
                // Longer than the provider timeout (3 s), so the resolver never races a request still waiting.
                Map.entry("SHOPSTREAM_PAYMENTS_RESOLVER_GRACE", "PT5S"),
                Map.entry("LOG_FORMAT", "simple"));
        try {
            forgetPreviousRun();
            server = LibertyServerProcess.start(WLP_DIRECTORY, USER_DIRECTORY, SERVER_NAME, Ports.freePort(),
                    environment, Duration.ofMinutes(3));
        } catch (RuntimeException e) {
            // Nothing would stop the broker's JVM and the database otherwise; they would outlive the build.
            kafka.close();
            postgres.close();
            throw e;
        }
    }

    /**
     * Deletes the server's expanded war and work area from an earlier run: a war rebuilt since then must not meet
     * the old expanded copy or annotation cache (Liberty then failed to start the application).
     */
    private static void forgetPreviousRun() throws IOException {
        Path server = USER_DIRECTORY.resolve("servers").resolve(SERVER_NAME);
        for (Path stale : List.of(server.resolve("apps").resolve("expanded"), server.resolve("workarea"))) {
            if (Files.exists(stale)) {
                try (Stream<Path> paths = Files.walk(stale)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
    }

    /** Registers with the outermost JUnit context, so the platform starts once and stops after every test class. */
    public static PaymentsPlatform get(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(PaymentsPlatform.class, key -> {
                    try {
                        return new PaymentsPlatform();
                    } catch (IOException e) {
                        throw new IllegalStateException("Could not start the payments test platform", e);
                    }
                }, PaymentsPlatform.class);
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public TestTokens tokens() {
        return tokens;
    }

    /** The signing secret of both providers' webhooks in the tests. */
    public String webhookSecret() {
        return webhookSecret;
    }

    public KafkaNode kafka() {
        return kafka;
    }

    public Path serverLogDirectory() {
        return USER_DIRECTORY.resolve("servers").resolve(SERVER_NAME).resolve("logs");
    }

    public Connection database() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), "shopstream", "shopstream");
    }

    @Override
    public void close() {
        server.close();
        kafka.close();
        postgres.close();
    }

    /** Put {@code @ExtendWith(PaymentsPlatform.Extension.class)} on a test class to start the shared platform. */
    public static final class Extension implements BeforeAllCallback, ParameterResolver {
        @Override
        public void beforeAll(ExtensionContext context) {
            get(context);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == PaymentsPlatform.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return get(context);
        }
    }
}
