package dev.shopstream.notifications.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.EventTopic;
import dev.shopstream.testkit.KeycloakUsers;
import jakarta.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event that failed while Keycloak was down (the customer's address is Keycloak's) is dead-lettered; staff list
 * it and replay it once Keycloak is back, and it has its effect once: the mail goes out, a second replay is a
 * duplicate. An event that can never be
 * read fails its replay. Only admins replay; support reads.
 */
class DeadLetterIT extends NotificationsApiTest {

    private static final String DEAD_LETTERS = "/api/notifications/dead-letters";

    @Test
    void anEventThatFailedWhileKeycloakWasDownIsReplayedOnceItIsBack() throws Exception {
        KeycloakUsers.SignedIn customer = new KeycloakUsers(platform.keycloak()).signedIn("customer");
        String email = customer.username() + "@example.test";
        String orderId = newOrderId();
        EventTopic.Envelope confirmed = orderEvent("confirmed", customer.id(), orderId);

        platform.withKeycloakDown(() -> {
            orderEvents.send(orderId, confirmed.json());
            assertThat(orderEvents.awaitDeadLetter(record -> record.value().contains(confirmed.id()), DEADLINE))
                    .isPresent();
        });
        ConsumerRecord<String, String> letter = orderEvents.awaitDeadLetter(
                record -> record.value().contains(confirmed.id()), DEADLINE).orElseThrow();
        assertThat(EventTopic.header(letter, "dlq-reason")).contains("Gave up after 3 attempts", "Keycloak");

        JsonObject listed = find(support, confirmed.id());
        assertThat(listed.getString("consumer")).isEqualTo("notifications.orders");
        assertThat(listed.getString("eventType")).isEqualTo("dev.shopstream.orders.order.confirmed");
        assertThat(listed.containsKey("lastReplay")).isFalse();
        assertThat(listed.containsKey("payload")).isFalse();
        assertThat(mailbox.countTo(email)).isZero();

        String replay = DEAD_LETTERS + "/" + letter.topic() + "/" + letter.partition() + "/" + letter.offset()
                + "/replay";
        assertProblem(api.post(replay, support), 403, "forbidden");
        HttpResponse<String> applied = api.post(replay, admin);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(Api.json(applied).getString("lastReplay")).isEqualTo("applied");
        assertThat(Api.json(applied).getString("replayedBy")).isEqualTo("alice");
        assertThat(mailbox.awaitMessagesTo(email, 1, DEADLINE)).extracting(message -> message.getSubject())
                .containsExactly("Your order " + orderId.substring(0, 8).toUpperCase() + " is confirmed");

        assertThat(Api.json(api.post(replay, admin)).getString("lastReplay")).isEqualTo("duplicate");
        assertThat(find(support, confirmed.id()).getString("lastReplay")).isEqualTo("duplicate");
        assertThat(deliveriesOf(customer.id(), "order.confirmed")).hasSize(2); // one mail, one in-app message
        assertThat(mailbox.countTo(email)).isEqualTo(1);
    }

    @Test
    void anEventThatCannotBeReadFailsItsReplayAndReplayingAllLeavesSettledOnesAlone() throws Exception {
        EventTopic.Envelope unreadable = EventTopic.envelope("/shopstream/orders",
                "dev.shopstream.orders.order.shipped", newOrderId(), jakarta.json.Json.createObjectBuilder()
                        .add("status", "shipped").build());
        orderEvents.send(unreadable.subject(), unreadable.json());
        ConsumerRecord<String, String> letter = orderEvents.awaitDeadLetter(
                record -> record.value().contains(unreadable.id()), DEADLINE).orElseThrow();
        String replay = DEAD_LETTERS + "/" + letter.topic() + "/" + letter.partition() + "/" + letter.offset()
                + "/replay";

        JsonObject failed = assertProblem(api.post(replay, admin), 422, "unprocessable");
        assertThat(failed.getString("detail")).contains("cannot be replayed", "customerId");
        assertThat(find(support, unreadable.id()).getString("lastReplay")).isEqualTo("failed");

        JsonObject summary = Api.json(api.post(DEAD_LETTERS + "/replay", admin));
        assertThat(summary.getInt("failed")).isGreaterThanOrEqualTo(1);
        assertThat(summary.getInt("applied")).isZero();

        assertProblem(api.post(DEAD_LETTERS + "/" + letter.topic() + "/" + letter.partition() + "/999999/replay",
                admin), 404, "not-found");
        assertProblem(api.post(DEAD_LETTERS + "/payment.events.dlq/0/0/replay", admin), 404, "not-found");
        assertProblem(api.get(DEAD_LETTERS + "?topic=../etc", support), 400, "validation-failed");
        assertProblem(api.get(DEAD_LETTERS, platform.tokens().token("c", "customer")), 403, "forbidden");
        assertProblem(api.post(DEAD_LETTERS + "/replay", support), 403, "forbidden");
    }

    private static JsonObject find(String token, String eventId) {
        HttpResponse<String> listed = api.get(DEAD_LETTERS + "?topic=order.lifecycle.dlq", token);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        List<JsonObject> letters = Api.jsonArray(listed).getValuesAs(JsonObject.class);
        List<JsonObject> matching = letters.stream()
                .filter(letter -> eventId.equals(letter.getString("eventId", null))).toList();
        assertThat(matching).as("dead letters of " + eventId + " in " + letters).hasSize(1);
        return matching.get(0);
    }
}
