package dev.shopstream.catalog.search;

import dev.shopstream.commons.db.ChannelListener;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
public class ProductChangeListener extends ChannelListener {

    static final String CHANNEL = "catalog_product_changed";
    private static final Logger LOG = Logger.getLogger(ProductChangeListener.class.getName());
    /** Marks a notification as {@link #awaitChangesHeard()}'s, not a product's. */
    private static final String BARRIER = "barrier:";
    private static final Duration BARRIER_TIMEOUT = Duration.ofSeconds(2);

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    @Inject
    ProductPageCache cache;

    @Inject
    @ConfigProperty(name = "shopstream.product-pages.listen-retry", defaultValue = "PT2S")
    Duration retryDelay;

    private final Map<String, CountDownLatch> barriers = new ConcurrentHashMap<>();

    @Override
    protected String channel() {
        return CHANNEL;
    }

    @Override
    protected Duration retryDelay() {
        return retryDelay;
    }

    @Override
    protected void listening() {
        cache.listening();
        LOG.info("Listening to product changes; product pages are cached");
    }

    @Override
    protected void deaf() {
        cache.deaf();
    }

    @Override
    protected void heard(String payload) {
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
        if (!isListening()) {
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
}
