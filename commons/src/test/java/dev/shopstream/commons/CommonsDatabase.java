package dev.shopstream.commons;

import dev.shopstream.commons.db.SchemaMigration;
import dev.shopstream.devstack.node.Ports;
import dev.shopstream.devstack.node.PostgresNode;
import dev.shopstream.testkit.PlatformExtension;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** A real PostgreSQL with commons' migrations applied, started once for the tests of one JVM (testkit). */
public final class CommonsDatabase implements AutoCloseable {

    private final PostgresNode postgres;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    private CommonsDatabase() {
        try {
            postgres = PostgresNode.start(Files.createTempDirectory("commons-db"), Ports.freePort(), List.of("commons"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dataSource.setUrl(postgres.jdbcUrl("commons"));
        dataSource.setUser(PostgresNode.USER);
        dataSource.setPassword(PostgresNode.PASSWORD);
        SchemaMigration.migrate(dataSource, getClass().getClassLoader());
    }

    /** Put {@code @ExtendWith(CommonsDatabase.Extension.class)} on a test class to receive the database. */
    public static final class Extension extends PlatformExtension<CommonsDatabase> {

        public Extension() {
            super(CommonsDatabase.class);
        }

        @Override
        protected CommonsDatabase start() {
            return new CommonsDatabase();
        }
    }

    public PGSimpleDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        postgres.close();
    }
}
