package dev.shopstream.notifications.it;

import dev.shopstream.devstack.node.LibertyServerProcess;
import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.EventStream;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.shopstream.testkit.Problems.assertProblem;
import static dev.shopstream.testkit.Problems.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live stream (SSE) on two replicas of notifications sharing the database and Kafka: a shopper's order status
 * changes and messages reach their streams on both replicas, whichever consumed the event; a stream reopened with
 * Last-Event-ID resumes with exactly what it missed; idle streams get heartbeats; the cap per user holds across
 * replicas; another user's updates never arrive; bad tokens, roles and ids are refused with problem documents.
 */
class LiveUpdatesIT extends NotificationsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static LibertyServerProcess replica;

    @BeforeAll
    static void startSecondReplica() throws IOException {
        replica = platform.startReplica();
    }

    @AfterAll
    static void stopSecondReplica() {
        replica.close();
    }

    @Test
    void orderUpdatesReachTheShoppersStreamsOnBothReplicasAndResumeWithLastEventId() throws Exception {
        Shopper shopper = registeredShopper("Lou", "en");
        Shopper other = registeredShopper("Max", "en");
        String orderId = newOrderId();
        try (EventStream first = stream(api(), shopper.token(), null);
             EventStream second = stream(replica.baseUri(), shopper.token(), null);
             EventStream others = stream(api(), other.token(), null)) {
            sendOrderEvent(orderEvent("created", shopper.userId(), orderId));
            sendOrderEvent(orderEvent("confirmed", shopper.userId(), orderId));
            for (EventStream stream : List.of(first, second)) {
                assertStatus(stream.await(WAIT), orderId, "created");
                assertStatus(stream.await(WAIT), orderId, "confirmed");
                EventStream.Event message = stream.await(WAIT);
                assertThat(message.name()).isEqualTo("message");
                assertThat(data(message).getString("notice")).isEqualTo("order.confirmed");
                assertThat(data(message).getString("orderId")).isEqualTo(orderId);
            }
            String othersOrder = newOrderId();
            sendOrderEvent(orderEvent("created", other.userId(), othersOrder));
            assertStatus(others.await(WAIT), othersOrder, "created");
        }

        List<EventStream.Event> seen = new ArrayList<>();
        try (EventStream stream = stream(api(), shopper.token(), null)) {
            sendOrderEvent(orderEvent("packed", shopper.userId(), orderId));
            seen.add(assertStatus(stream.await(WAIT), orderId, "packed"));
        }
        sendOrderEvent(orderEvent("shipped", shopper.userId(), orderId, Json.createObjectBuilder()
                .add("carrier", "DHL").add("trackingNumber", "JD0146")));
        try (EventStream resumed = stream(replica.baseUri(), shopper.token(), seen.get(0).id())) {
            EventStream.Event shipped = assertStatus(resumed.await(WAIT), orderId, "shipped");
            assertThat(data(shipped).getString("carrier")).isEqualTo("DHL");
            assertThat(data(shipped).getString("trackingNumber")).isEqualTo("JD0146");
            assertThat(Long.parseLong(shipped.id())).isGreaterThan(Long.parseLong(seen.get(0).id()));
            EventStream.Event message = resumed.await(WAIT);
            assertThat(data(message).getString("notice")).isEqualTo("order.shipped");
            sendOrderEvent(orderEvent("delivered", shopper.userId(), orderId));
            assertStatus(resumed.await(WAIT), orderId, "delivered");
        }
    }

    @Test
    void anIdleStreamGetsHeartbeats() throws Exception {
        try (EventStream stream = stream(api(), platform.tokens().token("idle-" + newOrderId(), "customer"), null)) {
            Instant deadline = Instant.now().plus(WAIT);
            while (stream.comments() < 3 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(stream.comments()).as("the opening comment and two heartbeats").isGreaterThanOrEqualTo(3);
            assertThat(stream.ended()).isFalse();
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
        }
    }

    @Test
    void aUserMayHaveThreeStreamsOpenAcrossTheReplicas() throws Exception {
        String token = platform.tokens().token("busy-" + newOrderId(), "customer");
        try (EventStream one = stream(api(), token, null);
             EventStream two = stream(replica.baseUri(), token, null);
             EventStream three = stream(api(), token, null)) {
            JsonObject refused = assertProblem(refusal(replica.baseUri(), token, null), 429, "rate-limited");
            assertThat(refused.getString("detail")).contains("At most 3 live streams");
            assertThat(refusal(replica.baseUri(), token, null).headers().firstValue("Retry-After")).isPresent();

            one.close();
            Instant deadline = Instant.now().plus(WAIT);
            EventStream four = null;
            while (four == null) {
                try {
                    four = stream(replica.baseUri(), token, null);
                } catch (AssertionError stillFull) {
                    assertThat(stillFull).hasMessageContaining("429");
                    assertThat(Instant.now()).as("a closed stream's place is free again once its replica noticed")
                            .isBefore(deadline);
                    Thread.sleep(200);
                }
            }
            four.close();
        }
    }

    @Test
    void badStreamRequestsAreRefused() {
        String customer = platform.tokens().token("c-" + newOrderId(), "customer");
        assertUnauthorized(refusal(api(), null, null));
        assertUnauthorized(refusal(api(), platform.tokens().expired("c", "customer"), null));
        assertUnauthorized(refusal(api(), platform.tokens().signedByUnknownKey("c", "customer"), null));
        assertUnauthorized(refusal(api(), platform.tokens().tampered("c"), null));
        assertProblem(refusal(api(), platform.tokens().token("i", "integrator"), null), 403, "forbidden");
        assertProblem(refusal(api(), customer, "not-a-number"), 400, "validation-failed");
        assertProblem(refusal(api(), customer, "-1"), 400, "validation-failed");
        assertProblem(refusal(api(), customer, "1".repeat(40)), 400, "validation-failed");
    }

    private static URI api() {
        return platform.baseUri();
    }

    private static EventStream stream(URI server, String token, String lastEventId) {
        return EventStream.open(server.resolve("/api/notifications/stream"), token, lastEventId);
    }

    /** A stream request expected to be refused, read whole (an accepted one would never end). */
    private static HttpResponse<String> refusal(URI server, String token, String lastEventId) {
        Api through = new Api(server);
        var request = through.request("/api/notifications/stream").header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(5)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return through.send(request);
    }

    private static EventStream.Event assertStatus(EventStream.Event event, String orderId, String change) {
        assertThat(event.name()).isEqualTo("order-status");
        assertThat(event.id()).matches("[0-9]+");
        JsonObject data = data(event);
        assertThat(data.getString("orderId")).isEqualTo(orderId);
        assertThat(data.getString("change")).isEqualTo(change);
        assertThat(data.getString("status")).isEqualTo(change.replace('-', '_'));
        return event;
    }

    private static JsonObject data(EventStream.Event event) {
        return Json.createReader(new StringReader(event.data())).readObject();
    }
}
