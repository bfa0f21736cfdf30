package dev.shopstream.catalog.search;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hears PostgreSQL announce committed product changes (the {@code catalog_product_changed} channel, filled by the
 * triggers of migration V7) on one connection of the pool, and drops the product's cached pages. When the connection
 * fails, the cache stops serving until this replica listens again, {@code shopstream.product-pages.listen-retry}
 * (2 s) later: a change can never go unheard while cached pages are served.
 * <p>
 * Other replicas hear a change a few milliseconds after its commit. The replica that made it answers the write only
 * after hearing it ({@link #awaitChangesHeard()}), so whoever wrote reads what they wrote.
 */
@ApplicationScoped
public class ProductChangeListener {

    static final String CHANNEL = "catalog_product_changed";
    private static final Logger LOG = Logger.getLogger(ProductChangeListener.class.getName());
    /** How long one wait for notifications lasts; it bounds how long stopping takes. */
    private static final int WAIT_MILLIS = 500;
    /** Marks a notification as {@link #awaitChangesHeard()}'s, not a product's. */
    private static final String BARRIER = "barrier:";
    private static final Duration BARRIER_TIMEOUT = Duration.ofSeconds(2);

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    ProductPageCache cache;

    @Inject
    @ConfigProperty(name = "shopstream.product-pages.listen-retry", defaultValue = "PT2S")
    Duration retryDelay;

    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;
    private final Map<String, CountDownLatch> barriers = new ConcurrentHashMap<>();

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        running = true;
        listener = threads.newThread(this::listenWhileRunning);
        listener.start();
    }

    private void listenWhileRunning() {
        while (running) {
            try {
                listen();
            } catch (SQLException | RuntimeException e) {
                cache.deaf();
                if (running) {
                    LOG.log(Level.WARNING, "Stopped hearing product changes; product pages come from the database "
                            + "until listening again in " + retryDelay, e);
                    pause();
                }
            }
        }
        cache.deaf();
    }

    private void listen() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
            try {
                PGConnection notifications = connection.unwrap(PGConnection.class);
                cache.listening();
                listening = true;
                LOG.info("Listening to product changes; product pages are cached");
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    for (PGNotification notification : received == null ? new PGNotification[0] : received) {
                        heard(notification.getParameter());
                    }
                }
            } finally {
                listening = false;
                cache.deaf();
                // A pooled connection must not keep listening: nobody would read its notifications. On a broken
                // connection this fails too, and the pool discards the connection.
                statement.execute("UNLISTEN *");
            }
        }
    }

    private void heard(String payload) {
        if (payload.startsWith(BARRIER)) {
            CountDownLatch waiting = barriers.get(payload);
            if (waiting != null) {
                waiting.countDown();
            }
        } else {
            cache.drop(UUID.fromString(payload));
        }
    }

    /**
     * Returns once this replica has heard every change committed before the call: PostgreSQL delivers notifications
     * in commit order, so hearing a notification sent now means the earlier ones were heard. Without listening there
     * is nothing to wait for (the cache serves nothing). When the wait fails or lasts more than two seconds, the cache
     * forgets every page instead.
     */
    public void awaitChangesHeard() {
        if (!listening) {
            return;
        }
        String barrier = BARRIER + UUID.randomUUID();
        CountDownLatch heard = new CountDownLatch(1);
        barriers.put(barrier, heard);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, barrier);
            notify.execute();
            if (!heard.await(BARRIER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning("Did not hear our own notification within " + BARRIER_TIMEOUT
                        + "; dropping every cached page");
                cache.dropAll();
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not check that product changes were heard; dropping every cached page", e);
            cache.dropAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cache.dropAll();
        } finally {
            barriers.remove(barrier);
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    void stop() {
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
