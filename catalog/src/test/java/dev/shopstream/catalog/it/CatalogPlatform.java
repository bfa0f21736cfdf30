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
public final class CatalogPlatform implements ExtensionContext.Store.CloseableResource {

    private static final String DATABASE = "catalog";

    private final Path workDirectory;
    private final TestTokens tokens = new TestTokens();
    private final int postgresPort = Ports.freePort();
    private PostgresNode postgres;
    private final KafkaNode kafka;
    private final LibertyServerProcess server;

    private CatalogPlatform() throws IOException {
        workDirectory = Files.createTempDirectory("catalog-it");
        postgres = PostgresNode.start(workDirectory.resolve("postgres"), postgresPort, List.of(DATABASE));
        kafka = KafkaNode.start(workDirectory.resolve("kafka"), Ports.freePort(), Ports.freePort());
        Path jwks = tokens.writeJwks(workDirectory);
        server = LibertyServerProcess.start(
                Path.of(System.getProperty("liberty.wlp.dir")),
                Path.of(System.getProperty("liberty.user.dir")),
                System.getProperty("liberty.server.name"),
                Ports.freePort(),
                Map.of("DB_PORT", Integer.toString(postgresPort),
                        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                        "MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER,
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", jwks.toUri().toString(),
                        "MP_JWT_VERIFY_AUDIENCES", TestTokens.AUDIENCE,
                        "SHOPSTREAM_RATE_LIMIT_CAPACITY", "100",
                        "SHOPSTREAM_RATE_LIMIT_REFILL_PER_SECOND", "20",
                        "LOG_FORMAT", "simple"),
                Duration.ofMinutes(3));
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
