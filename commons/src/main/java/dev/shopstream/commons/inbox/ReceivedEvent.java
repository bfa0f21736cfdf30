package dev.shopstream.commons.inbox;

import dev.shopstream.commons.events.CloudEventEnvelope;
import dev.shopstream.commons.json.Jsonp;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/**
 * An event a consumer received: the CloudEvents attributes it needs and the JSON data, read from a structured-mode
 * envelope. An envelope that cannot be read this way is refused with {@link UnprocessableEventException}, so the
 * consumer dead-letters it at once instead of retrying what can never succeed.
 */
public record ReceivedEvent(String id, String source, String type, String subject, OffsetDateTime time,
                            JsonObject data) {

    public static ReceivedEvent parse(String envelope) {
        if (envelope == null || envelope.isBlank()) {
            throw new UnprocessableEventException("The record carries no CloudEvents envelope.");
        }
        CloudEvent event;
        try {
            event = CloudEventEnvelope.deserialize(envelope.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // The SDK throws its own unchecked exceptions for unreadable JSON and for missing required attributes.
            throw new UnprocessableEventException("Not a CloudEvents 1.0 JSON envelope: " + e.getMessage(), e);
        }
        return new ReceivedEvent(event.getId(), event.getSource().toString(), event.getType(), event.getSubject(),
                event.getTime(), dataOf(event));
    }

    private static JsonObject dataOf(CloudEvent event) {
        CloudEventData data = event.getData();
        if (data == null) {
            throw new UnprocessableEventException("Event " + event.getId() + " carries no data.");
        }
        try (JsonReader reader = Jsonp.createReader(new ByteArrayInputStream(data.toBytes()))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new UnprocessableEventException("The data of event " + event.getId() + " is not a JSON object.", e);
        }
    }

    /** A string the data must carry, e.g. {@code userId}; its absence makes the event unprocessable. */
    public String requiredString(String name) {
        if (!(data.get(name) instanceof JsonString value) || value.getString().isBlank()) {
            throw new UnprocessableEventException("Event " + id + " (" + type + ") has no " + name + ".");
        }
        return value.getString();
    }
}
