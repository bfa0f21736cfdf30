package dev.shopstream.orders.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.KeycloakUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** After confirmation: cancellation, fulfilment, refunds and the events that announce them. */
class FulfilmentIT extends OrdersApiTest {

    @Test
    void aCancelledOrderIsRefundedAndItsStockGoesBack() throws Exception {
        String admin = admin();
        String sku = sku(1000, 5, admin);
        KeycloakUsers.SignedIn carla = customer();
        JsonObject confirmed = confirmedOrder(sku, 2, carla.token());
        String orderId = confirmed.getString("id");
        assertThat(stock(sku, admin).getInt("onHand")).isEqualTo(3);

        HttpResponse<String> cancelled = orders.postJson("/api/orders/" + orderId + "/cancel",
                "{\"reason\": \"changed my mind\"}", carla.token());

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(Api.json(cancelled).getString("status")).isEqualTo("cancelled");
        JsonObject refunded = orderOnce(orderId, carla.token(), order -> steps(order).contains("restock:done"),
                Duration.ofSeconds(30));
        assertThat(refunded.getJsonNumber("refundedMinor").longValue()).as(refunded.toString()).isEqualTo(2495);
        assertThat(steps(refunded)).endsWith("refund_payment:done", "restock:done");
        assertThat(stock(sku, admin).getInt("onHand")).as("the 2 sold are back").isEqualTo(5);
        assertThat(Api.json(payments.get("/api/payments/intents/" + confirmed.getString("paymentId"), carla.token()))
                .getString("status")).isEqualTo("refunded");
        assertProblem(orders.postJson("/api/orders/" + orderId + "/cancel", "{}", carla.token()), 409, "conflict");
    }

    @Test
    void staffFulfilAConfirmedOrderOneStepAtATime() throws Exception {
        String admin = admin();
        KeycloakUsers.SignedIn carla = customer();
        String orderId = confirmedOrder(sku(2000, 3, admin), 1, carla.token()).getString("id");
        String shipment = "{\"carrier\": \"DHL\", \"trackingNumber\": \"00340434161234567890\"}";

        assertProblem(orders.postJson("/api/staff/orders/" + orderId + "/ship", shipment, admin), 409, "conflict");
        assertThat(orders.post("/api/staff/orders/" + orderId + "/pack", carla.token()).statusCode()).isEqualTo(403);
        assertThat(Api.json(orders.post("/api/staff/orders/" + orderId + "/pack", admin)).getString("status"))
                .isEqualTo("packed");
        JsonObject shipped = Api.json(orders.postJson("/api/staff/orders/" + orderId + "/ship", shipment, admin));
        assertThat(shipped.getString("status")).isEqualTo("shipped");
        assertThat(shipped.getString("trackingNumber")).isEqualTo("00340434161234567890");
        assertProblem(orders.postJson("/api/orders/" + orderId + "/cancel", "{}", carla.token()), 409, "conflict");
        assertThat(Api.json(orders.post("/api/staff/orders/" + orderId + "/deliver", admin)).getString("status"))
                .isEqualTo("delivered");
        assertProblem(orders.post("/api/staff/orders/" + orderId + "/pack", admin), 409, "conflict");
        assertProblem(orders.postJson("/api/staff/orders/" + orderId + "/ship", "{\"carrier\": \"DHL\"}", admin), 400,
                "validation-failed");
        assertProblem(orders.post("/api/staff/orders/" + UUID.randomUUID() + "/pack", admin), 404, "not-found");

        List<String> actions = Api.json(orders.get("/api/audit?entityType=order&entityId=" + orderId, admin))
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(record -> record.getString("action")).toList();
        assertThat(actions).containsExactlyInAnyOrder("order.packed", "order.shipped", "order.delivered");
    }

    @Test
    void aPartialRefundHappensOnceAndNeverExceedsWhatWasCaptured() throws Exception {
        String admin = admin();
        KeycloakUsers.SignedIn carla = customer();
        JsonObject confirmed = confirmedOrder(sku(3000, 3, admin), 1, carla.token());
        String orderId = confirmed.getString("id");
        String key = UUID.randomUUID().toString();
        String refund = "{\"amountMinor\": 1000, \"reason\": \"scratched\"}";

        HttpResponse<String> first = orders.postJson("/api/staff/orders/" + orderId + "/refunds", refund, admin,
                "Idempotency-Key", key);
        HttpResponse<String> again = orders.postJson("/api/staff/orders/" + orderId + "/refunds", refund, admin,
                "Idempotency-Key", key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(Api.json(first).getJsonNumber("refundedMinor").longValue()).isEqualTo(1000);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(Api.json(orders.get("/api/orders/" + orderId, carla.token())).getJsonNumber("refundedMinor")
                .longValue()).isEqualTo(1000);
        assertProblem(orders.postJson("/api/staff/orders/" + orderId + "/refunds",
                "{\"amountMinor\": 2496, \"reason\": \"too much\"}", admin, "Idempotency-Key",
                UUID.randomUUID().toString()), 422, "unprocessable");
        assertProblem(orders.postJson("/api/staff/orders/" + orderId + "/refunds", refund, admin), 400,
                "idempotency-key-missing");
        assertThat(orders.postJson("/api/staff/orders/" + orderId + "/refunds", refund, carla.token(),
                "Idempotency-Key", UUID.randomUUID().toString()).statusCode()).isEqualTo(403);
        JsonObject payment = Api.json(payments.get("/api/payments/intents/" + confirmed.getString("paymentId"),
                carla.token()));
        assertThat(payment.getJsonNumber("refundedMinor").longValue()).as("refunded once").isEqualTo(1000);
    }

    @Test
    void everyStepOfAnOrderIsAnnouncedOnOrderLifecycle() throws Exception {
        String admin = admin();
        KeycloakUsers.SignedIn carla = customer();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("order.lifecycle"));
            String orderId = confirmedOrder(sku(1500, 2, admin), 1, carla.token()).getString("id");
            orders.post("/api/staff/orders/" + orderId + "/pack", admin);

            List<JsonObject> events = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (events.size() < 3 && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().equals(orderId)) {
                        events.add(Json.createReader(new StringReader(record.value())).readObject());
                    }
                }
            }
            assertThat(events).extracting(event -> event.getString("type")).containsExactly(
                    "dev.shopstream.orders.order.created", "dev.shopstream.orders.order.confirmed",
                    "dev.shopstream.orders.order.packed");
            JsonObject confirmed = events.get(1).getJsonObject("data");
            assertThat(confirmed.getString("status")).isEqualTo("confirmed");
            assertThat(confirmed.getString("customerId")).isEqualTo(carla.id());
            assertThat(confirmed.getJsonNumber("capturedMinor").longValue()).isEqualTo(1995);
            assertThat(events.get(0).getString("source")).isEqualTo("/shopstream/orders");
        }
    }
}
