package dev.shopstream.devstack.node;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresNodeTest {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsRowsAcrossARestartOnTheSameDataDirectory() throws SQLException {
        int port = Ports.freePort();
        try (PostgresNode postgres = PostgresNode.start(dataDirectory, port, List.of("orders"))) {
            try (Connection connection = connect(postgres, "orders"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE parcel (id BIGINT PRIMARY KEY, label TEXT NOT NULL)");
                statement.execute("INSERT INTO parcel VALUES (1, 'kept across restarts')");
            }
        }

        try (PostgresNode restarted = PostgresNode.start(dataDirectory, port, List.of("orders"));
             Connection connection = connect(restarted, "orders");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT label, current_user FROM parcel WHERE id = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("label")).isEqualTo("kept across restarts");
            assertThat(rows.getString("current_user")).isEqualTo(PostgresNode.USER);
        }
    }

    @Test
    void createsEachDatabaseOwnedByTheApplicationRole() throws SQLException {
        try (PostgresNode postgres = PostgresNode.start(dataDirectory, Ports.freePort(), List.of("catalog", "payments"));
             Connection connection = connect(postgres, "payments");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT datname, pg_get_userbyid(datdba) AS owner FROM pg_database
                     WHERE datname IN ('catalog', 'payments') ORDER BY datname""")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("datname")).isEqualTo("catalog");
            assertThat(rows.getString("owner")).isEqualTo(PostgresNode.USER);
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("datname")).isEqualTo("payments");
            assertThat(rows.getString("owner")).isEqualTo(PostgresNode.USER);
        }
    }

    private static Connection connect(PostgresNode postgres, String database) throws SQLException {
        DatabaseLogin login = postgres.login(database);
        assertThat(login.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + postgres.port() + "/" + database);
        return DriverManager.getConnection(login.jdbcUrl(), login.user(), login.password());
    }
}
