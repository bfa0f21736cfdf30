package dev.shopstream.catalog.it;

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
import java.util.List;
import java.util.Map;

/**
 * The catalog server on a real Liberty with real PostgreSQL and Kafka, started with devstack's own classes (the
 * ones the local platform uses) once for all integration tests, on free ports, and stopped after the last one.
 */
public final class CatalogPlatform implements AutoCloseable {

    private static final String DATABASE = "catalog";
    private static final Path WLP_DIRECTORY = Path.of(System.getProperty("liberty.wlp.dir"));
    private static final Path USER_DIRECTORY = Path.of(System.getProperty("liberty.user.dir"));
    private static final String SERVER_NAME = System.getProperty("liberty.server.name");

    private final Path workDirectory;
    private final TestTokens tokens = new TestTokens();
    private final int postgresPort = Ports.freePort();
    private PostgresNode postgres;
    private final KafkaNode kafka;
    private final Map<String, String> environment;
    private final LibertyServerProcess server;

    private CatalogPlatform() throws IOException {
        workDirectory = Files.createTempDirectory("catalog-it");
        postgres = PostgresNode.start(workDirectory.resolve("postgres"), postgresPort, List.of(DATABASE));
        kafka = KafkaNode.start(workDirectory.resolve("kafka"), Ports.freePort(), Ports.freePort());
        environment = Map.of("DB_PORT", Integer.toString(postgresPort),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", tokens.writeJwks(workDirectory).toUri().toString(),
                "MP_JWT_VERIFY_AUDIENCES", TestTokens.AUDIENCE,
                "SHOPSTREAM_RATE_LIMIT_CAPACITY", "300",
                "SHOPSTREAM_RATE_LIMIT_REFILL_PER_SECOND", "100",
                "SHOPSTREAM_RESERVATIONS_EXPIRY_INTERVAL", "PT1S",
                "LOG_FORMAT", "simple");
        try {
            server = startServer(USER_DIRECTORY);
        } catch (RuntimeException e) {
            // Nothing would stop the broker's JVM and the database otherwise; they would outlive the build.
            kafka.close();
            postgres.close();
            throw e;
        }
    }

    private LibertyServerProcess startServer(Path userDirectory) {
        return LibertyServerProcess.start(WLP_DIRECTORY, userDirectory, SERVER_NAME, Ports.freePort(), environment,
                Duration.ofMinutes(3));
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
        try (var paths = Files.walk(source)) {
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

    /** Registers with the outermost JUnit context, so the platform starts once and stops after every test class. */
    public static CatalogPlatform get(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(CatalogPlatform.class, key -> {
                    try {
                        return new CatalogPlatform();
                    } catch (IOException e) {
                        throw new IllegalStateException("Could not start the catalog test platform", e);
                    }
                }, CatalogPlatform.class);
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

    public Connection database() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), "shopstream", "shopstream");
    }

    /** Stops PostgreSQL, runs the action, and starts it again on the same port and data. */
    public void withDatabaseDown(Runnable action) {
        postgres.close();
        try {
            action.run();
        } finally {
            postgres = PostgresNode.start(workDirectory.resolve("postgres"), postgresPort, List.of(DATABASE));
        }
    }

    @Override
    public void close() {
        server.close();
        kafka.close();
        postgres.close();
    }

    /**
     * Put {@code @ExtendWith(CatalogPlatform.Extension.class)} on a test class to start the shared platform and
     * receive it as a parameter of {@code @BeforeAll} or test methods.
     */
    public static final class Extension implements BeforeAllCallback, ParameterResolver {
        @Override
        public void beforeAll(ExtensionContext context) {
            get(context);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == CatalogPlatform.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return get(context);
        }
    }
}
