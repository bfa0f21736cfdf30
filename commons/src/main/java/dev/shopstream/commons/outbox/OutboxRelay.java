package dev.shopstream.commons.outbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.Gauge;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes pending outbox rows to Kafka in id order and marks them published, one batch per transaction.
 * With several replicas only one relays at a time: a transaction-scoped advisory lock elects it, which keeps the
 * per-aggregate order that parallel relays (even with SKIP LOCKED) would break. At-least-once: a crash between
 * publishing and committing republishes the batch, and consumers' inboxes drop the duplicates.
 */
@ApplicationScoped
public class OutboxRelay {

    static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    /** Any constant works; it only has to be the same in every replica of a service (one database each). */
    private static final long RELAY_LOCK = 0x5350_4F55_5442_4F58L;

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    @Inject
    KafkaEventPublisher publisher;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "shopstream.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @Inject
    @ConfigProperty(name = "shopstream.outbox.retention", defaultValue = "P7D")
    Duration retention;

    private volatile boolean failing;
    private volatile long pending;
    private volatile double oldestPendingAgeSeconds;

    /**
     * Relays one batch.
     *
     * @return how many events were published; a full batch means more may be waiting
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int relayBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!tryRelayLock(connection)) {
                return 0;
            }
            List<PendingEvent> batch = lockPending(connection);
            KafkaEventPublisher.Outcome outcome = batch.isEmpty()
                    ? new KafkaEventPublisher.Outcome(0, null) : publisher.publish(batch);
            int published = outcome.acknowledged();
            if (published > 0) {
                markPublished(connection, batch.subList(0, published));
            }
            if (published < batch.size()) {
                recordFailure(connection, batch.get(published), outcome.failure());
            } else {
                recovered();
            }
            refreshBacklog(connection);
            return published;
        }
    }

    /** The most events one batch publishes; a batch that size means more may be waiting. */
    public int batchSize() {
        return batchSize;
    }

    /** Deletes published rows older than the retention period; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgePublished() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM outbox WHERE published_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, retention.toSeconds());
            return delete.executeUpdate();
        }
    }

    private static boolean tryRelayLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private List<PendingEvent> lockPending(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, topic, aggregate_id, payload::text, correlation_id, traceparent, created_at
                  FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            select.setInt(1, batchSize);
            List<PendingEvent> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new PendingEvent(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4).getBytes(StandardCharsets.UTF_8), rows.getString(5), rows.getString(6),
                            rows.getObject(7, OffsetDateTime.class)));
                }
            }
            return events;
        }
    }

    private void markPublished(Connection connection, List<PendingEvent> published) throws SQLException {
        Long[] ids = published.stream().map(PendingEvent::id).toArray(Long[]::new);
        Array idArray = connection.createArrayOf("bigint", ids);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox SET published_at = now() WHERE id = ANY (?)")) {
            update.setArray(1, idArray);
            update.executeUpdate();
        }
        OffsetDateTime now = OffsetDateTime.now();
        Timer lag = metrics.timer("outbox.publish.lag");
        for (PendingEvent event : published) {
            lag.update(Duration.between(event.createdAt(), now));
        }
        metrics.counter("outbox.published").inc(published.size());
    }

    /** Logs a failure once per outage, not every poll; the pending gauges show the backlog meanwhile. */
    public void outage(Exception cause) {
        if (!failing) {
            failing = true;
            LOG.log(Level.WARNING, "Outbox relay cannot publish; it keeps retrying", cause);
        }
    }

    private void recovered() {
        if (failing) {
            failing = false;
            LOG.info("Outbox relay recovered: publishing again");
        }
    }

    private void recordFailure(Connection connection, PendingEvent failed, Exception cause) throws SQLException {
        outage(cause);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox SET attempts = attempts + 1 WHERE id = ?")) {
            update.setLong(1, failed.id());
            update.executeUpdate();
        }
        metrics.counter("outbox.publish.failures").inc();
    }

    private void refreshBacklog(Connection connection) throws SQLException {
        try (PreparedStatement backlog = connection.prepareStatement("""
                SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)
                  FROM outbox WHERE published_at IS NULL""");
             ResultSet result = backlog.executeQuery()) {
            result.next();
            pending = result.getLong(1);
            oldestPendingAgeSeconds = result.getDouble(2);
        }
    }

    @Gauge(name = "outbox.pending", unit = "none", absolute = true,
            description = "Outbox events not yet published to Kafka")
    public long pending() {
        return pending;
    }

    @Gauge(name = "outbox.oldest.pending.age", unit = "seconds", absolute = true,
            description = "Age of the oldest unpublished outbox event; grows while Kafka is unreachable")
    public double oldestPendingAgeSeconds() {
        return oldestPendingAgeSeconds;
    }
}
