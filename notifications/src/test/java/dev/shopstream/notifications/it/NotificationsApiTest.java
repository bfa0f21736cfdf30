package dev.shopstream.notifications.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.EventTopic;
import dev.shopstream.testkit.Mailbox;
import dev.shopstream.testkit.ServicePlatform;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microshed.testing.ApplicationEnvironment;
import org.microshed.testing.jupiter.MicroShedTest;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every notifications integration test starts from: the platform (once per run), MicroShed's view of the
 * server, the three topics it consumes as their producers write them, the mailbox, and shoppers of their own.
 */
@ExtendWith(NotificationsPlatform.class)
@MicroShedTest
abstract class NotificationsApiTest {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final String GROUP = "notifications";

    static ServicePlatform platform;
    static Api api;
    static Mailbox mailbox;
    static EventTopic userEvents;
    static EventTopic orderEvents;
    static EventTopic inventoryEvents;
    static String admin;
    static String support;

    @BeforeAll
    static void connect(ServicePlatform started) {
        platform = started;
        api = new Api(URI.create(ApplicationEnvironment.Resolver.load().getApplicationURL() + "/"));
        mailbox = new Mailbox(started);
        userEvents = new EventTopic(started, EventTopic.USER_EVENTS);
        orderEvents = new EventTopic(started, "order.lifecycle");
        inventoryEvents = new EventTopic(started, "inventory.events");
        admin = started.tokens().token("alice", "admin");
        support = started.tokens().token("sam", "support");
    }

    /** A shopper auth has announced (user.registered), whose welcome mail has arrived. */
    record Shopper(String name, String userId, String email, String token) {
    }

    static Shopper registeredShopper(String firstName, String locale) throws InterruptedException {
        String name = "shopper-" + UUID.randomUUID();
        String userId = "sub-" + name;
        String email = name + "@example.com";
        JsonObjectBuilder data = Json.createObjectBuilder().add("userId", userId).add("email", email)
                .add("firstName", firstName).add("lastName", "Shopper").add("registeredAt", Instant.now().toString());
        if (locale != null) {
            data.add("locale", locale);
        }
        EventTopic.Envelope registered = EventTopic.envelope("/shopstream/auth", "dev.shopstream.auth.user.registered",
                userId, data.build());
        RecordMetadata sent = userEvents.send(userId, registered.json());
        userEvents.awaitAcknowledged(GROUP, sent, DEADLINE);
        assertThat(mailbox.awaitMessagesTo(email, 1, DEADLINE)).as("welcome mail").hasSize(1);
        return new Shopper(name, userId, email, platform.tokens().token(name, "customer"));
    }

    /** An {@code order.lifecycle} event of {@code change} (e.g. confirmed) for the customer's order, as orders writes it. */
    static EventTopic.Envelope orderEvent(String change, String customerId, String orderId, JsonObjectBuilder extra) {
        JsonObject data = Json.createObjectBuilder()
                .add("orderId", orderId).add("customerId", customerId)
                .add("status", change.replace('-', '_')).add("currency", "EUR")
                .add("totalMinor", 2995).add("capturedMinor", 2995).add("refundedMinor", 0)
                .add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder().add("sku", "MUG-RED")
                        .add("productName", "Red mug").add("quantity", 2).add("unitPriceMinor", 1250)))
                .add("at", Instant.now().toString())
                .addAll(extra).build();
        return EventTopic.envelope("/shopstream/orders", "dev.shopstream.orders.order." + change, orderId, data);
    }

    static EventTopic.Envelope orderEvent(String change, String customerId, String orderId) {
        return orderEvent(change, customerId, orderId, Json.createObjectBuilder());
    }

    static RecordMetadata sendOrderEvent(EventTopic.Envelope event) throws InterruptedException {
        RecordMetadata sent = orderEvents.send(event.subject(), event.json());
        orderEvents.awaitAcknowledged(GROUP, sent, DEADLINE);
        return sent;
    }

    /** The delivery log's entries of an event, newest first. */
    static JsonArray deliveriesOf(String userId, String notice) {
        return Api.json(api.get("/api/notifications/deliveries?userId=" + userId + "&notice=" + notice + "&limit=100",
                support)).getJsonArray("items");
    }

    /** Waits until a delivery of the user's notice on the channel meets the condition; returns it. */
    static JsonObject awaitDelivery(String userId, String notice, String channel, Predicate<JsonObject> condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            for (JsonObject delivery : deliveriesOf(userId, notice).getValuesAs(JsonObject.class)) {
                if (delivery.getString("channel").equals(channel) && condition.test(delivery)) {
                    return delivery;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No " + channel + " delivery of " + notice + " to " + userId + " as expected: "
                + deliveriesOf(userId, notice));
    }


    static String newOrderId() {
        return UUID.randomUUID().toString();
    }
}
