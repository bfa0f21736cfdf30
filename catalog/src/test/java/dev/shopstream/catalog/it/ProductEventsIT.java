package dev.shopstream.catalog.it;

import dev.shopstream.testkit.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** product.events reach Kafka through the outbox, as CloudEvents, and survive a broker outage. */
class ProductEventsIT extends CatalogApiTest {

    @Test
    void createdProductIsAnnouncedAsACloudEventKeyedByProductId() {
        String correlationId = "events-it-" + UUID.randomUUID();
        JsonObject product = Api.json(api.send(api.request("/api/products")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + admin)
                .header("X-Correlation-Id", correlationId)
                .POST(HttpRequest.BodyPublishers.ofString(Products.body("Evented lamp", 2599, "EUR")))));
        String id = product.getString("id");

        ConsumerRecord<String, String> record = awaitRecord(id, Duration.ofSeconds(60)).orElseThrow(
                () -> new AssertionError("No product.events record for " + id));

        JsonObject event = Json.createReader(new StringReader(record.value())).readObject();
        assertThat(event.getString("specversion")).isEqualTo("1.0");
        assertThat(event.getString("type")).isEqualTo("dev.shopstream.catalog.product.created");
        assertThat(event.getString("source")).isEqualTo("/shopstream/catalog");
        assertThat(event.getString("subject")).isEqualTo(id);
        assertThat(event.getString("id")).isNotBlank();
        assertThat(Instant.parse(event.getString("time"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(event.getString("datacontenttype")).isEqualTo("application/json");
        assertThat(event.getString("correlationid")).isEqualTo(correlationId);
        JsonObject data = event.getJsonObject("data");
        assertThat(data.getString("productId")).isEqualTo(id);
        assertThat(data.getString("name")).isEqualTo("Evented lamp");
        assertThat(data.getJsonArray("prices").getJsonObject(0).getJsonNumber("amountMinor").longValue()).isEqualTo(2599);
        assertThat(new String(record.headers().lastHeader("X-Correlation-Id").value(), StandardCharsets.UTF_8))
                .isEqualTo(correlationId);
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json");
    }

    @Test
    void eventsWrittenWhileKafkaIsDownArePublishedWhenItReturns() throws Exception {
        platform.kafka().stop();
        String id;
        try {
            HttpResponse<String> created =
                    api.postJson("/api/products", Products.body("Outage umbrella", 1999, "EUR"), admin);
            assertThat(created.statusCode()).as("writes keep working while Kafka is down").isEqualTo(201);
            id = Api.json(created).getString("id");

            awaitOutboxRow(id, "attempts > 0 AND published_at IS NULL", Duration.ofSeconds(60));
            assertThat(api.get("/metrics?scope=application", null).body()).contains("outbox_pending");
        } finally {
            platform.kafka().start();
        }

        assertThat(awaitRecord(id, Duration.ofSeconds(90))).as("published after Kafka returned").isPresent();
        awaitOutboxRow(id, "published_at IS NOT NULL", Duration.ofSeconds(30));
    }

    private static void awaitOutboxRow(String aggregateId, String condition, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (var connection = platform.database();
                 var statement = connection.prepareStatement(
                         "SELECT count(*) FROM outbox WHERE aggregate_id = ? AND " + condition)) {
                statement.setString(1, aggregateId);
                try (var result = statement.executeQuery()) {
                    result.next();
                    if (result.getLong(1) == 1) {
                        return;
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Outbox row for " + aggregateId + " never matched: " + condition);
    }

    static Optional<ConsumerRecord<String, String>> awaitRecord(String key, Duration timeout) {
        return awaitRecord(key, "dev.shopstream.catalog.product.created", timeout);
    }

    /** The first product.events record with this key whose CloudEvents type is the given one. */
    static Optional<ConsumerRecord<String, String>> awaitRecord(String key, String type, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = productEventsConsumer()) {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key()) && type.equals(
                            Json.createReader(new StringReader(record.value())).readObject().getString("type"))) {
                        return Optional.of(record);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
