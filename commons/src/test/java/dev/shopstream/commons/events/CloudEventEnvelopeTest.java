package dev.shopstream.commons.events;

import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventEnvelopeTest {

    @Test
    void envelopeCarriesTheCloudEventsAttributesTheDataAndTheCorrelation() {
        UUID id = UUID.randomUUID();
        byte[] data = "{\"productId\":\"p-1\"}".getBytes(StandardCharsets.UTF_8);

        byte[] envelope = CloudEventEnvelope.serialize(id, URI.create("/shopstream/catalog"),
                "dev.shopstream.catalog.product.created", "p-1", OffsetDateTime.parse("2026-11-25T10:00:00Z"), data,
                "corr-1", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        String json = new String(envelope, StandardCharsets.UTF_8);
        assertThat(json).contains("\"specversion\":\"1.0\"").contains("\"data\":{\"productId\":\"p-1\"}");
        CloudEvent event = CloudEventEnvelope.deserialize(envelope);
        assertThat(event.getId()).isEqualTo(id.toString());
        assertThat(event.getType()).isEqualTo("dev.shopstream.catalog.product.created");
        assertThat(event.getSubject()).isEqualTo("p-1");
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getExtension("correlationid")).isEqualTo("corr-1");
        assertThat(event.getExtension("traceparent")).isNotNull();
        assertThat(event.getData().toBytes()).isEqualTo(data);
    }
}
