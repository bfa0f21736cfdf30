package dev.shopstream.commons;

import dev.shopstream.commons.db.SchemaMigration;
import dev.shopstream.devstack.Ports;
import dev.shopstream.devstack.PostgresNode;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** A real PostgreSQL with commons' migrations applied, shared by the tests of one JVM. */
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

    static CommonsDatabase get(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(CommonsDatabase.class, key -> new CommonsDatabase(), CommonsDatabase.class);
    }

    /** Put {@code @ExtendWith(CommonsDatabase.Extension.class)} on a test class to receive the database. */
    public static final class Extension implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == CommonsDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return get(context);
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
