package dev.shopstream.commons.outbox;

import java.time.OffsetDateTime;

/** An outbox row waiting to be published. */
public record PendingEvent(long id, String topic, String aggregateId, byte[] envelope, String correlationId,
                           String traceparent, OffsetDateTime createdAt) {
}
