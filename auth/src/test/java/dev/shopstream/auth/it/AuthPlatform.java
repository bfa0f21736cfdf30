package dev.shopstream.auth.it;

import dev.shopstream.devstack.KafkaNode;
import dev.shopstream.devstack.KeycloakNode;
import dev.shopstream.devstack.LibertyServerProcess;
import dev.shopstream.devstack.Ports;
import dev.shopstream.devstack.PostgresNode;
import dev.shopstream.devstack.SmtpNode;
import dev.shopstream.testkit.PlatformExtension;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The auth server on a real Liberty with real PostgreSQL, Kafka, GreenMail and Keycloak (from its Maven
 * distribution, with the repository's realm), all started with devstack's own classes on free ports, once for all
 * integration tests, and stopped after the last one. Keycloak is unpacked once into target/keycloak-it and keeps its
 * build there; its data lives in this run's PostgreSQL, so every run imports the realm afresh.
 */
public final class AuthPlatform implements AutoCloseable {

    static final String AUTH_CLIENT_SECRET = KeycloakNode.AUTH_CLIENT_DEMO_SECRET;
    /** How recent a sign-in DELETE /api/auth/me demands in the tests (5 minutes in production). */
    static final Duration REAUTHENTICATION_MAX_AGE = Duration.ofSeconds(8);
    static final int ANONYMOUS_RATE_LIMIT = 40;

    private static final String DATABASE = "auth";
    private static final Path WLP_DIRECTORY = Path.of(System.getProperty("liberty.wlp.dir"));
    private static final Path USER_DIRECTORY = Path.of(System.getProperty("liberty.user.dir"));
    private static final String SERVER_NAME = System.getProperty("liberty.server.name");
    private static final Path ROOT = Path.of(System.getProperty("shopstream.root"));
    private static final Path KEYCLOAK_DIRECTORY = Path.of(System.getProperty("keycloak.it.dir"));

    private final List<AutoCloseable> started = new ArrayList<>();
    private final PostgresNode postgres;
    private final SmtpNode smtp;
    private final KafkaNode kafka;
    private final KeycloakNode keycloak;
    private final LibertyServerProcess server;

    private AuthPlatform() throws IOException {
        Path work = Files.createTempDirectory("auth-it");
        try {
            postgres = register(PostgresNode.start(work.resolve("postgres"), Ports.freePort(), List.of(DATABASE, "keycloak")));
            smtp = register(SmtpNode.start(Ports.freePort()));
            kafka = register(KafkaNode.start(work.resolve("kafka"), Ports.freePort(), Ports.freePort()));
            keycloak = register(KeycloakNode.start(KEYCLOAK_DIRECTORY, Ports.freePort(),
                    ROOT.resolve("liberty-config/src/main/resources/keycloak/shopstream-realm.json"),
                    postgres.login("keycloak"), smtp, Duration.ofMinutes(5)));
            Map<String, String> environment = Map.ofEntries(
                    Map.entry("DB_PORT", Integer.toString(postgres.port())),
                    Map.entry("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
                    Map.entry("MP_JWT_VERIFY_ISSUER", keycloak.issuer().toString()),
                    Map.entry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keycloak.jwksUri().toString()),
                    Map.entry("MP_JWT_VERIFY_AUDIENCES", "shopstream-api"),
                    // Keycloak and this server share the machine's clock; the expired-token test need not wait 30 s.
                    Map.entry("JWT_CLOCK_SKEW", "1s"),
                    Map.entry("SHOPSTREAM_KEYCLOAK_URL", keycloak.baseUri().toString()),
                    Map.entry("SHOPSTREAM_KEYCLOAK_CLIENT_SECRET", AUTH_CLIENT_SECRET),
                    Map.entry("SHOPSTREAM_AUTH_REAUTHENTICATION_MAX_AGE", REAUTHENTICATION_MAX_AGE.toString()),
                    Map.entry("SHOPSTREAM_AUTH_ANONYMOUS_RATE_LIMIT_CAPACITY", Integer.toString(ANONYMOUS_RATE_LIMIT)),
                    Map.entry("SHOPSTREAM_AUTH_ANONYMOUS_RATE_LIMIT_REFILL_PER_MINUTE", "1"),
                    Map.entry("SHOPSTREAM_RATE_LIMIT_CAPACITY", "300"),
                    Map.entry("SHOPSTREAM_RATE_LIMIT_REFILL_PER_SECOND", "100"),
                    Map.entry("LOG_FORMAT", "simple"));
            server = register(LibertyServerProcess.start(WLP_DIRECTORY, USER_DIRECTORY, SERVER_NAME, Ports.freePort(),
                    environment, Duration.ofMinutes(3)));
        } catch (RuntimeException e) {
            // Nothing would stop Keycloak, the broker's JVM and the database otherwise; they would outlive the build.
            close();
            throw e;
        }
    }

    private <T extends AutoCloseable> T register(T component) {
        started.add(0, component);
        return component;
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public KeycloakNode keycloak() {
        return keycloak;
    }

    public SmtpNode smtp() {
        return smtp;
    }

    public KafkaNode kafka() {
        return kafka;
    }

    public Connection database() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), PostgresNode.USER, PostgresNode.PASSWORD);
    }

    @Override
    public void close() {
        for (AutoCloseable component : started) {
            try {
                component.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + component + ": " + e);
            }
        }
        started.clear();
    }

    /**
     * Put {@code @ExtendWith(AuthPlatform.Extension.class)} on a test class to start the shared platform and receive
     * it as a parameter of {@code @BeforeAll} or test methods.
     */
    public static final class Extension extends PlatformExtension<AuthPlatform> {

        public Extension() {
            super(AuthPlatform.class);
        }

        @Override
        protected AuthPlatform start() {
            try {
                return new AuthPlatform();
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the auth test platform", e);
            }
        }
    }
}
