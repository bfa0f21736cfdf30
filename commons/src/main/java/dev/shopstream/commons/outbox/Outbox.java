package dev.shopstream.commons.outbox;

import dev.shopstream.commons.correlation.CorrelationId;
import dev.shopstream.commons.events.CloudEventEnvelope;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Records an event in the {@code outbox} table inside the caller's transaction, so the change and the event that
 * announces it commit or roll back together. {@link OutboxRelay} publishes it to Kafka afterwards.
 */
@ApplicationScoped
public class Outbox {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "shopstream.service.name")
    String serviceName;

    /**
     * @param topic       Kafka topic, e.g. {@code product.events}
     * @param type        CloudEvents type, e.g. {@code dev.shopstream.catalog.product.created}
     * @param aggregateId the Kafka key, so one aggregate's events stay in order
     * @param data        the event's data, serialised with JSON-B
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String topic, String type, String aggregateId, Object data) {
        UUID eventId = UUID.randomUUID();
        String correlationId = CorrelationId.currentId();
        String traceparent = CorrelationId.current().map(CorrelationId.Context::traceparent).orElse(null);
        byte[] envelope = CloudEventEnvelope.serialize(eventId, URI.create("/shopstream/" + serviceName), type,
                aggregateId, OffsetDateTime.now(ZoneOffset.UTC), JSONB.toJson(data).getBytes(StandardCharsets.UTF_8),
                correlationId, traceparent);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO outbox (event_id, topic, aggregate_id, event_type, payload, correlation_id, traceparent)
                     VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)""")) {
            insert.setObject(1, eventId);
            insert.setString(2, topic);
            insert.setString(3, aggregateId);
            insert.setString(4, type);
            insert.setString(5, new String(envelope, StandardCharsets.UTF_8));
            insert.setString(6, correlationId);
            insert.setString(7, traceparent);
            insert.executeUpdate();
            return eventId;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write event " + type + " to the outbox", e);
        }
    }
}
