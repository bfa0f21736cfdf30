package dev.shopstream.testkit;

import dev.shopstream.devstack.node.KafkaNode;
import dev.shopstream.devstack.node.KeycloakNode;
import dev.shopstream.devstack.node.LibertyServerProcess;
import dev.shopstream.devstack.node.Ports;
import dev.shopstream.devstack.node.PostgresNode;
import dev.shopstream.devstack.node.SmtpNode;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A service under test: the Liberty server the build assembled, on a real Liberty with real PostgreSQL and Kafka,
 * started with devstack's own classes (the ones the local platform uses) on free ports, trusting {@link TestTokens};
 * or, for a service whose tests are about identity ({@link #startWithKeycloak}), also real Keycloak (the
 * repository's realm) and GreenMail, with the server trusting Keycloak's tokens instead.
 * Each service's tests start it once through a subclass of {@link Extension}, and it stops after the last test.
 * The server comes from the system properties {@code liberty.wlp.dir}, {@code liberty.user.dir} and
 * {@code liberty.server.name}, which the build's {@code liberty-service} profile sets for the integration tests.
 */
public final class ServicePlatform implements AutoCloseable {

    private static final Path WLP_DIRECTORY = Path.of(System.getProperty("liberty.wlp.dir"));
    private static final Path USER_DIRECTORY = Path.of(System.getProperty("liberty.user.dir"));
    private static final String SERVER_NAME = System.getProperty("liberty.server.name");

    private static final Path ROOT = Path.of(System.getProperty("shopstream.root", "."));
    private static final String KEYCLOAK_DIRECTORY = "keycloak.it.dir";

    private final String database;
    private final List<String> databases;
    private final Path workDirectory;
    private final TestTokens tokens = new TestTokens();
    private final int postgresPort = Ports.freePort();
    private PostgresNode postgres;
    private final KafkaNode kafka;
    private SmtpNode smtp;
    private KeycloakNode keycloak;
    private final Map<String, String> environment = new HashMap<>();
    private final LibertyServerProcess server;

    private ServicePlatform(String database, Map<String, String> settings, boolean withKeycloak) throws IOException {
        this.database = database;
        databases = withKeycloak ? List.of(database, "keycloak") : List.of(database);
        workDirectory = Files.createTempDirectory(database + "-it");
        postgres = PostgresNode.start(workDirectory.resolve("postgres"), postgresPort, databases);
        kafka = KafkaNode.start(workDirectory.resolve("kafka"), Ports.freePort(), Ports.freePort());
        try {
            environment.putAll(Map.of("DB_PORT", Integer.toString(postgresPort),
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "LOG_FORMAT", "simple"));
            environment.putAll(withKeycloak ? trustKeycloak() : trustTestTokens());
            environment.putAll(settings);
            forgetPreviousRun();
            server = startServer(USER_DIRECTORY);
        } catch (IOException | RuntimeException e) {
            // Nothing would stop Keycloak, the broker's JVM and the database otherwise; they would outlive the build.
            closeComponents();
            throw e;
        }
    }

    private Map<String, String> trustTestTokens() throws IOException {
        return Map.of("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", tokens.writeJwks(workDirectory).toUri().toString(),
                "MP_JWT_VERIFY_AUDIENCES", TestTokens.AUDIENCE);
    }

    /** Starts GreenMail and Keycloak (unpacked once into {@code keycloak.it.dir}; its data in this PostgreSQL). */
    private Map<String, String> trustKeycloak() {
        smtp = SmtpNode.start(Ports.freePort());
        keycloak = KeycloakNode.start(Path.of(System.getProperty(KEYCLOAK_DIRECTORY)), Ports.freePort(),
                ROOT.resolve("liberty-config/src/main/resources/keycloak/shopstream-realm.json"),
                postgres.login("keycloak"), smtp, Duration.ofMinutes(5));
        return Map.of("MP_JWT_VERIFY_ISSUER", keycloak.issuer().toString(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keycloak.jwksUri().toString(),
                "MP_JWT_VERIFY_AUDIENCES", "shopstream-api",
                // Keycloak and the server share the machine's clock; an expired-token test need not wait 30 s.
                "JWT_CLOCK_SKEW", "1s",
                "SHOPSTREAM_KEYCLOAK_URL", keycloak.baseUri().toString());
    }

    /**
     * Starts PostgreSQL with the service's {@code database}, Kafka and the service, configured by {@code settings}
     * (environment variables, e.g. rate limits) on top of the connections and the trusted token issuer.
     */
    public static ServicePlatform start(String database, Map<String, String> settings) {
        return start(database, settings, false);
    }

    /**
     * Like {@link #start}, with Keycloak and GreenMail beside them: the server trusts Keycloak's tokens and reaches
     * its admin API at {@code SHOPSTREAM_KEYCLOAK_URL}. The build sets {@code keycloak.it.dir}, where Keycloak's
     * distribution is unpacked once.
     */
    public static ServicePlatform startWithKeycloak(String database, Map<String, String> settings) {
        return start(database, settings, true);
    }

    private static ServicePlatform start(String database, Map<String, String> settings, boolean withKeycloak) {
        try {
            return new ServicePlatform(database, settings, withKeycloak);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the " + database + " test platform", e);
        }
    }

    private LibertyServerProcess startServer(Path userDirectory) {
        return LibertyServerProcess.start(WLP_DIRECTORY, userDirectory, SERVER_NAME, Ports.freePort(), environment,
                Duration.ofMinutes(3));
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

    /**
     * Starts a second replica of the service on its own port, sharing the database and Kafka, as OpenShift would
     * scale it: a copy of the built server (configuration and war, no runtime state).
     */
    public LibertyServerProcess startReplica() throws IOException {
        Path replicaUserDirectory = workDirectory.resolve("replica-" + System.nanoTime());
        copyTree(USER_DIRECTORY.resolve("shared"), replicaUserDirectory.resolve("shared"));
        Path server = USER_DIRECTORY.resolve("servers").resolve(SERVER_NAME);
        Path replica = replicaUserDirectory.resolve("servers").resolve(SERVER_NAME);
        for (String file : List.of("server.xml", "server.env", "apps/" + SERVER_NAME + ".war")) {
            Files.createDirectories(replica.resolve(file).getParent());
            Files.copy(server.resolve(file), replica.resolve(file));
        }
        return startServer(replicaUserDirectory);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public TestTokens tokens() {
        return tokens;
    }

    public KafkaNode kafka() {
        return kafka;
    }

    /** The platform's Keycloak; only with {@link #startWithKeycloak}. */
    public KeycloakNode keycloak() {
        if (keycloak == null) {
            throw new IllegalStateException("This platform has no Keycloak: start it with startWithKeycloak");
        }
        return keycloak;
    }

    /** The platform's SMTP server (GreenMail); only with {@link #startWithKeycloak}. */
    public SmtpNode smtp() {
        if (smtp == null) {
            throw new IllegalStateException("This platform has no SMTP server: start it with startWithKeycloak");
        }
        return smtp;
    }

    public Path serverLogDirectory() {
        return USER_DIRECTORY.resolve("servers").resolve(SERVER_NAME).resolve("logs");
    }

    public Connection database() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), "shopstream", "shopstream");
    }

    /** Stops PostgreSQL, runs the action, and starts it again on the same port and data. */
    public void withDatabaseDown(Runnable action) {
        postgres.close();
        try {
            action.run();
        } finally {
            postgres = PostgresNode.start(workDirectory.resolve("postgres"), postgresPort, databases);
        }
    }

    @Override
    public void close() {
        server.close();
        closeComponents();
    }

    private void closeComponents() {
        for (AutoCloseable component : new AutoCloseable[] {keycloak, smtp, kafka, postgres}) {
            if (component != null) {
                try {
                    component.close();
                } catch (Exception e) {
                    System.err.println("Could not stop " + component + ": " + e);
                }
            }
        }
    }

    /**
     * Starts a service's platform once for the whole test run (see {@link PlatformExtension}). A service subclasses
     * it with its database and settings and puts {@code @ExtendWith(TheSubclass.class)} on its test classes.
     */
    public abstract static class Extension extends PlatformExtension<ServicePlatform> {

        protected Extension() {
            super(ServicePlatform.class);
        }
    }
}
