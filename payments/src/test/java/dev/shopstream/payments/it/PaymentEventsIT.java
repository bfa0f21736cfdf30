package dev.shopstream.payments.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** payment.events reach Kafka through the outbox as CloudEvents, keyed and ordered by payment. */
class PaymentEventsIT extends PaymentsApiTest {

    private static final String PREFIX = "dev.shopstream.payments.payment.";

    @Test
    void paymentLifecycleIsAnnouncedInOrder() {
        String id = payment(4500, "pm_card_visa").getString("id");
        capture(id, "{\"amountMinor\":4000}");
        refund(id, 1500, "scratched");

        List<JsonObject> events = awaitEvents(id, 3);

        assertThat(events).extracting(event -> event.getString("type"))
                .containsExactly(PREFIX + "authorized", PREFIX + "captured", PREFIX + "refunded");
        JsonObject refunded = events.get(2);
        assertThat(refunded.getString("specversion")).isEqualTo("1.0");
        assertThat(refunded.getString("source")).isEqualTo("/shopstream/payments");
        assertThat(refunded.getString("subject")).isEqualTo(id);
        assertThat(refunded.getString("datacontenttype")).isEqualTo("application/json");
        JsonObject data = refunded.getJsonObject("data");
        assertThat(data.getString("paymentId")).isEqualTo(id);
        assertThat(data.getString("status")).isEqualTo("partially_refunded");
        assertThat(data.getJsonNumber("capturedMinor").longValue()).isEqualTo(4000);
        assertThat(data.getJsonNumber("refundedMinor").longValue()).isEqualTo(1500);
        assertThat(data.getJsonObject("refund").getString("reason")).isEqualTo("scratched");
        assertThat(data.getJsonObject("refund").getString("refundId")).startsWith("re_");
    }

    @Test
    void declineAndVoidAreAnnounced() {
        String declined = payment(100, "pm_card_insufficient_funds").getString("id");
        String voided = payment(100, "pm_card_visa").getString("id");
        voidPayment(voided);

        JsonObject failed = awaitEvents(declined, 1).get(0);
        assertThat(failed.getString("type")).isEqualTo(PREFIX + "failed");
        assertThat(failed.getJsonObject("data").getString("failureCode")).isEqualTo("insufficient_funds");
        assertThat(awaitEvents(voided, 2)).extracting(event -> event.getString("type"))
                .containsExactly(PREFIX + "authorized", PREFIX + "voided");
    }

    /** The first {@code expected} payment.events records keyed by the payment id, in partition order. */
    private static List<JsonObject> awaitEvents(String paymentId, int expected) {
        List<JsonObject> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("payment.events"));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (events.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (paymentId.equals(record.key())) {
                        events.add(Json.createReader(new StringReader(record.value())).readObject());
                    }
                }
            }
        }
        assertThat(events).as("payment.events for " + paymentId).hasSizeGreaterThanOrEqualTo(expected);
        return events;
    }
}
