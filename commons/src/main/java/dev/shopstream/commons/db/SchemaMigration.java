package dev.shopstream.commons.db;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Migrates the service's database with Flyway when the application starts, before anything else touches it:
 * first the tables commons owns (outbox, inbox, idempotency keys; own history table), then the service's own
 * {@code db/migration} scripts. JPA never generates schema. Each location holds an empty {@code flyway.location}
 * file, which Flyway needs to find a classpath location on Liberty.
 */
@ApplicationScoped
public class SchemaMigration {

    public static final int PRIORITY = 100;

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    private volatile boolean complete;

    void migrate(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object started) {
        migrate(dataSource, Thread.currentThread().getContextClassLoader());
        complete = true;
    }

    /** Runs both migration sets against the data source; also used by tests outside the server. */
    public static void migrate(DataSource dataSource, ClassLoader classLoader) {
        int commons = Flyway.configure(classLoader).dataSource(dataSource)
                .locations("classpath:db/commons").callbackLocations("classpath:db/commons")
                .table("flyway_commons_history")
                .load().migrate().migrationsExecuted;
        // The commons tables already exist when the service's history table is created: baseline below V1.
        int service = Flyway.configure(classLoader).dataSource(dataSource)
                .locations("classpath:db/migration").callbackLocations("classpath:db/migration")
                .baselineOnMigrate(true).baselineVersion("0")
                .load().migrate().migrationsExecuted;
        LOG.info(() -> "Database schema up to date (" + commons + " commons and " + service
                + " service migrations applied now)");
    }

    public boolean isComplete() {
        return complete;
    }
}
