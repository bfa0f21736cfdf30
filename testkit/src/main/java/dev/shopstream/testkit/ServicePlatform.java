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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A service under test: the Liberty server the build assembled, on a real Liberty with real PostgreSQL and Kafka,
 * and a real SMTP server (GreenMail), started with devstack's own classes (the ones the local platform uses) on free
 * ports, trusting {@link TestTokens}; or, for a service whose tests are about identity ({@link #startWithKeycloak}),
 * also real Keycloak (the repository's realm, sending its mail to the same SMTP server), with the server trusting
 * Keycloak's tokens instead.
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
    private final int smtpPort = Ports.freePort();
    private final int keycloakPort = Ports.freePort();
    private PostgresNode postgres;
    private final KafkaNode kafka;
    private SmtpNode smtp;
    private KeycloakNode keycloak;
    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, LibertyServerProcess> neighbourServers = new LinkedHashMap<>();
    private final Map<String, Runnable> neighbourStarts = new LinkedHashMap<>();
    private final int serverPort = Ports.freePort();
    private LibertyServerProcess server;

    /**
     * Another service's server, started before the one under test and beside it, with a database of its own in the
     * same PostgreSQL, the same Kafka and the same token issuer; the service under test, and the neighbours started
     * after it, find it at each of the environment variables {@code urlVariables}.
     *
     * @param userDirectory the Liberty user directory its build assembled (its server is named {@code name})
     * @param settings      environment variables of its own
     */
    public record Neighbour(String name, Path userDirectory, Map<String, String> settings, List<String> urlVariables) {

        public Neighbour(String name, Path userDirectory, Map<String, String> settings, String urlVariable) {
            this(name, userDirectory, settings, List.of(urlVariable));
        }
    }

    /** Who issues the tokens the servers trust, and whether Keycloak runs. */
    private enum Identity {
        /** testkit's {@link TestTokens}; no Keycloak. */
        TEST_TOKENS,
        /** Keycloak's tokens. */
        KEYCLOAK,
        /** testkit's tokens for the callers, and Keycloak beside for what the server asks of it (its admin API). */
        TEST_TOKENS_AND_KEYCLOAK
    }

    private ServicePlatform(String database, Map<String, String> settings, Identity identity,
                            List<Neighbour> neighbours) throws IOException {
        boolean withKeycloak = identity != Identity.TEST_TOKENS;
        this.database = database;
        List<String> allDatabases = new ArrayList<>();
        if (database != null) {
            allDatabases.add(database);
        }
        neighbours.forEach(neighbour -> allDatabases.add(neighbour.name()));
        if (withKeycloak) {
            allDatabases.add("keycloak");
        }
        databases = List.copyOf(allDatabases);
        workDirectory = Files.createTempDirectory(SERVER_NAME + "-it");
        postgres = PostgresNode.start(workDirectory.resolve("postgres"), postgresPort, databases);
        kafka = KafkaNode.start(workDirectory.resolve("kafka"), Ports.freePort(), Ports.freePort());
        try {
            smtp = SmtpNode.start(smtpPort);
            environment.putAll(Map.of("DB_PORT", Integer.toString(postgresPort),
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "SHOPSTREAM_MAIL_HOST", smtp.host(),
                    "SHOPSTREAM_MAIL_PORT", Integer.toString(smtpPort),
                    "LOG_FORMAT", "simple"));
            if (withKeycloak) {
                startKeycloak();
            }
            environment.putAll(identity == Identity.KEYCLOAK ? trustKeycloak() : trustTestTokens());
            for (Neighbour neighbour : neighbours) {
                forgetPreviousRun(neighbour.userDirectory(), neighbour.name());
                Map<String, String> own = new HashMap<>(environment);
                own.putAll(neighbour.settings());
                int port = Ports.freePort();
                neighbourStarts.put(neighbour.name(), () -> neighbourServers.put(neighbour.name(),
                        LibertyServerProcess.start(WLP_DIRECTORY, neighbour.userDirectory(), neighbour.name(), port,
                                own, Duration.ofMinutes(3))));
                neighbourStarts.get(neighbour.name()).run();
                neighbour.urlVariables().forEach(variable -> environment.put(variable, "http://localhost:" + port));
            }
            environment.putAll(settings);
            forgetPreviousRun(USER_DIRECTORY, SERVER_NAME);
            server = startServer(USER_DIRECTORY, serverPort);
        } catch (IOException | RuntimeException e) {
            // Nothing would stop Keycloak, the broker's JVM and the database otherwise; they would outlive the build.
            neighbourServers.values().forEach(LibertyServerProcess::close);
            closeComponents();
            throw e;
        }
    }

    private Map<String, String> trustTestTokens() throws IOException {
        return Map.of("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", tokens.writeJwks(workDirectory).toUri().toString(),
                "MP_JWT_VERIFY_AUDIENCES", TestTokens.AUDIENCE);
    }

    /** Starts Keycloak (unpacked once into {@code keycloak.it.dir}; its data in this PostgreSQL, its mail to GreenMail). */
    private void startKeycloak() {
        keycloak = KeycloakNode.start(Path.of(System.getProperty(KEYCLOAK_DIRECTORY)), keycloakPort,
                ROOT.resolve("liberty-config/src/main/resources/keycloak/shopstream-realm.json"),
                postgres.login("keycloak"), smtp, Duration.ofMinutes(5));
        environment.put("SHOPSTREAM_KEYCLOAK_URL", keycloak.baseUri().toString());
    }

    private Map<String, String> trustKeycloak() {
        return Map.of("MP_JWT_VERIFY_ISSUER", keycloak.issuer().toString(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keycloak.jwksUri().toString(),
                "MP_JWT_VERIFY_AUDIENCES", "shopstream-api",
                // Keycloak and the server share the machine's clock; an expired-token test need not wait 30 s.
                "JWT_CLOCK_SKEW", "1s");
    }

    /**
     * Starts PostgreSQL with the service's {@code database}, Kafka and the service, configured by {@code settings}
     * (environment variables, e.g. rate limits) on top of the connections and the trusted token issuer.
     */
    public static ServicePlatform start(String database, Map<String, String> settings) {
        return start(database, settings, Identity.TEST_TOKENS);
    }

    /**
     * Like {@link #start} (the server trusts {@link TestTokens}), with Keycloak beside: for a service that reads
     * Keycloak's admin API itself at {@code SHOPSTREAM_KEYCLOAK_URL} while its callers' tokens are testkit's.
     */
    public static ServicePlatform startWithKeycloakBeside(String database, Map<String, String> settings) {
        return start(database, settings, Identity.TEST_TOKENS_AND_KEYCLOAK);
    }

    /**
     * Like {@link #start}, with Keycloak beside them: the server trusts Keycloak's tokens and reaches
     * its admin API at {@code SHOPSTREAM_KEYCLOAK_URL}. The build sets {@code keycloak.it.dir}, where Keycloak's
     * distribution is unpacked once.
     */
    public static ServicePlatform startWithKeycloak(String database, Map<String, String> settings) {
        return start(database, settings, Identity.KEYCLOAK);
    }

    /**
     * Like {@link #startWithKeycloak}, with other services' servers beside the one under test (orders calls
     * catalog and payments), started first in the order given. A {@code database} of {@code null} gives the server
     * under test none of its own (the admin console keeps no data).
     */
    public static ServicePlatform startWithKeycloak(String database, Map<String, String> settings,
                                                    List<Neighbour> neighbours) {
        try {
            return new ServicePlatform(database, settings, Identity.KEYCLOAK, neighbours);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the " + SERVER_NAME + " test platform", e);
        }
    }

    private static ServicePlatform start(String database, Map<String, String> settings, Identity identity) {
        try {
            return new ServicePlatform(database, settings, identity, List.of());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the " + database + " test platform", e);
        }
    }

    private LibertyServerProcess startServer(Path userDirectory) {
        return startServer(userDirectory, Ports.freePort());
    }

    private LibertyServerProcess startServer(Path userDirectory, int port) {
        return LibertyServerProcess.start(WLP_DIRECTORY, userDirectory, SERVER_NAME, port, environment,
                Duration.ofMinutes(3));
    }

    /** Kills the server under test at once (kill -9): whatever it was doing is cut off mid-way. */
    public void killServer() {
        server.kill();
    }

    /** Starts the server under test again, on the same port and data, after {@link #killServer}. */
    public void restartServer() {
        server = startServer(USER_DIRECTORY, serverPort);
    }

    /** Stops a {@link Neighbour}'s server, runs the action, and starts it again on the same port. */
    public void withNeighbourDown(String name, Runnable action) {
        Runnable start = neighbourStarts.get(name);
        if (start == null) {
            throw new IllegalStateException("This platform has no neighbour " + name);
        }
        neighbourServers.remove(name).close();
        try {
            action.run();
        } finally {
            start.run();
        }
    }

    /**
     * Deletes the server's expanded war and work area from an earlier run: a war rebuilt since then must not meet
     * the old expanded copy or annotation cache (Liberty then failed to start the application).
     */
    private static void forgetPreviousRun(Path userDirectory, String serverName) throws IOException {
        Path server = userDirectory.resolve("servers").resolve(serverName);
        if (!Files.exists(server.resolve("server.xml"))) {
            throw new IllegalStateException("No Liberty server " + serverName + " in " + userDirectory
                    + ": build its module first (the root pom's full build does)");
        }
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

    /** The token issuer the servers trust: testkit's, or the platform's Keycloak realm. */
    public String trustedIssuer() {
        return environment.get("MP_JWT_VERIFY_ISSUER");
    }

    /** The base URI of a {@link Neighbour}'s server. */
    public URI baseUri(String neighbour) {
        LibertyServerProcess started = neighbourServers.get(neighbour);
        if (started == null) {
            throw new IllegalStateException("This platform has no neighbour " + neighbour);
        }
        return started.baseUri();
    }

    /** A connection to a {@link Neighbour}'s database (or any of the platform's). */
    public Connection database(String name) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(name), "shopstream", "shopstream");
    }

    public TestTokens tokens() {
        return tokens;
    }

    public KafkaNode kafka() {
        return kafka;
    }

    /** The platform's Keycloak; only with {@link #startWithKeycloak} or {@link #startWithKeycloakBeside}. */
    public KeycloakNode keycloak() {
        if (keycloak == null) {
            throw new IllegalStateException("This platform has no Keycloak: start it with startWithKeycloak");
        }
        return keycloak;
    }

    /** The platform's SMTP server (GreenMail), which the servers find at {@code SHOPSTREAM_MAIL_HOST} and {@code _PORT}. */
    public SmtpNode smtp() {
        return smtp;
    }

    /** Stops Keycloak, runs the action, and starts it again on the same port and data. */
    public void withKeycloakDown(Runnable action) {
        keycloak();
        keycloak.close();
        try {
            action.run();
        } finally {
            startKeycloak();
        }
    }

    /** Stops the SMTP server, runs the action, and starts an empty one again on the same port. */
    public void withSmtpDown(Runnable action) {
        smtp.close();
        try {
            action.run();
        } finally {
            smtp = SmtpNode.start(smtpPort);
        }
    }

    public Path serverLogDirectory() {
        return USER_DIRECTORY.resolve("servers").resolve(SERVER_NAME).resolve("logs");
    }

    public Connection database() throws SQLException {
        return database(database);
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
        neighbourServers.values().forEach(LibertyServerProcess::close);
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
