package dev.shopstream.commons.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Wraps an event's JSON data in a structured-mode CloudEvents 1.0 JSON envelope (CloudEvents Java SDK).
 * Extensions carry the correlation id and the W3C trace context of the change that produced the event.
 */
public final class CloudEventEnvelope {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    public static final String CORRELATION_ID_EXTENSION = "correlationid";
    public static final String TRACEPARENT_EXTENSION = "traceparent";

    private static final JsonFormat FORMAT = new JsonFormat();

    private CloudEventEnvelope() {
    }

    public static byte[] serialize(UUID id, URI source, String type, String subject, OffsetDateTime time,
                                   byte[] jsonData, String correlationId, String traceparent) {
        return serialize(id.toString(), source, type, subject, time, jsonData, correlationId, traceparent);
    }

    /** The same for an event whose id is not ours to choose, e.g. one received and passed on. */
    public static byte[] serialize(String id, URI source, String type, String subject, OffsetDateTime time,
                                   byte[] jsonData, String correlationId, String traceparent) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(source)
                .withType(type)
                .withSubject(subject)
                .withTime(time)
                .withDataContentType("application/json")
                .withData(jsonData);
        if (correlationId != null) {
            event.withExtension(CORRELATION_ID_EXTENSION, correlationId);
        }
        if (traceparent != null) {
            event.withExtension(TRACEPARENT_EXTENSION, traceparent);
        }
        return FORMAT.serialize(event.build());
    }

    public static CloudEvent deserialize(byte[] envelope) {
        return FORMAT.deserialize(envelope);
    }
}
