package dev.shopstream.commons.health;

import dev.shopstream.commons.db.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Started once the schema is migrated; ready only while the database answers as well. */
public final class DatabaseHealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private DatabaseHealthCheck() {
    }

    @Startup
    @ApplicationScoped
    public static class SchemaMigrated implements HealthCheck {

        @Inject
        SchemaMigration migration;

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("schema-migrated").status(migration.isComplete()).build();
        }
    }

    @Readiness
    @ApplicationScoped
    public static class DatabaseReachable implements HealthCheck {

        @Inject
        SchemaMigration migration;

        @Resource(lookup = "jdbc/shopstream")
        DataSource dataSource;

        @Override
        public HealthCheckResponse call() {
            var response = HealthCheckResponse.named("database");
            if (!migration.isComplete()) {
                return response.down().withData("reason", "schema migration not finished").build();
            }
            try (Connection connection = dataSource.getConnection()) {
                return response.status(connection.isValid(VALIDATION_TIMEOUT_SECONDS)).build();
            } catch (SQLException e) {
                return response.down().withData("reason", "database unreachable").build();
            }
        }
    }
}
