package dev.shopstream.commons.db;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hears a PostgreSQL notification channel ({@code LISTEN}) on one connection of the pool, on a thread of its own,
 * from the application's start until it stops. When the connection fails the listener is {@linkplain #deaf() deaf}
 * and listens again {@link #retryDelay()} later; each time it starts listening it says so ({@link #listening()}),
 * so a subclass can catch up on what it may have missed meanwhile. The subclass is an {@code @ApplicationScoped}
 * bean; the application needs the driver on its class path ({@code <classloader commonLibraryRef="postgresqlDriver"/>}).
 */
public abstract class ChannelListener {

    private static final Logger LOG = Logger.getLogger(ChannelListener.class.getName());
    /** How long one wait for notifications lasts; it bounds how long stopping takes. */
    private static final int WAIT_MILLIS = 500;

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    protected abstract String channel();

    /** The pause before listening again after the connection failed. */
    protected abstract Duration retryDelay();

    /** One notification's payload, in the order PostgreSQL delivers them: commit order. */
    protected abstract void heard(String payload);

    /** Called once {@code LISTEN} is in effect: notifications committed from now on will be heard. */
    protected abstract void listening();

    /** Called when the listener stopped hearing the channel: notifications committed from now on are missed. */
    protected abstract void deaf();

    protected boolean isListening() {
        return listening;
    }

    protected void start(@Observes @Priority(SchemaMigration.PRIORITY + 100) @Initialized(ApplicationScoped.class)
                         Object started) {
        running = true;
        listener = threads.newThread(this::listenWhileRunning);
        listener.start();
    }

    private void listenWhileRunning() {
        while (running) {
            try {
                listen();
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.log(Level.WARNING, "Stopped hearing channel " + channel() + "; listening again in "
                            + retryDelay(), e);
                    pause();
                }
            }
        }
    }

    private void listen() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + channel());
            try {
                PGConnection notifications = connection.unwrap(PGConnection.class);
                listening = true;
                listening();
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    for (PGNotification notification : received == null ? new PGNotification[0] : received) {
                        heard(notification.getParameter());
                    }
                }
            } finally {
                listening = false;
                deaf();
                // A pooled connection must not keep listening: nobody would read its notifications. On a broken
                // connection this fails too, and the pool discards the connection.
                statement.execute("UNLISTEN *");
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    protected void stop() {
        running = false;
        if (listener != null) {
            try {
                listener.join(2L * WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
