package dev.shopstream.notifications.it;

import dev.shopstream.testkit.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.shopstream.testkit.Problems.assertProblem;
import static dev.shopstream.testkit.Problems.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integrators' webhooks against a receiver in the test: subscribed events arrive once, as CloudEvents, signed as
 * docs/webhooks.md says (checked by the receiver's own code); a rotated secret signs from then on; an endpoint that
 * keeps failing is retried, disabled and staff are told by mail and in their messages, and enabling it resumes;
 * another integrator's endpoints are 404; URLs that could reach inside the network are refused.
 */
class WebhooksIT extends NotificationsApiTest {

    private static final String HOOKS = "/api/notifications/webhooks";
    private static final String CONFIRMED = "dev.shopstream.orders.order.confirmed";
    private static final String SHIPPED = "dev.shopstream.orders.order.shipped";
    private static final String STAFF_EMAIL = "shop-staff@shopstream.local";

    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void subscribedEventsArriveOnceSignedAsDocumented() throws Exception {
        receiver.answer(204);
        String integrator = platform.tokens().token("erp-" + UUID.randomUUID(), "integrator");
        HttpResponse<String> created = api.postJson(HOOKS, register(receiver.url().toString(), CONFIRMED, SHIPPED),
                integrator);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject endpoint = Api.json(created);
        String id = endpoint.getString("id");
        String secret = endpoint.getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith(HOOKS + "/" + id));
        assertThat(Api.json(api.get(HOOKS + "/" + id, integrator)).containsKey("secret")).isFalse();

        String orderId = newOrderId();
        String customer = "c-" + UUID.randomUUID();
        sendOrderEvent(orderEvent("created", customer, orderId));
        var confirmed = orderEvent("confirmed", customer, orderId);
        sendOrderEvent(confirmed);
        sendOrderEvent(confirmed);

        WebhookReceiver.Post post = receiver.await(DEADLINE);
        assertThat(WebhookReceiver.verify(post, secret)).as("signature of " + post).isTrue();
        assertThat(post.header("Content-Type")).isEqualTo("application/cloudevents+json");
        JsonObject event = Json.createReader(new StringReader(post.body())).readObject();
        assertThat(event.getString("type")).as("created is not subscribed").isEqualTo(CONFIRMED);
        assertThat(event.getString("id")).isEqualTo(confirmed.id());
        assertThat(event.getString("specversion")).isEqualTo("1.0");
        assertThat(event.getJsonObject("data").getString("orderId")).isEqualTo(orderId);
        assertThat(WebhookReceiver.verify(new WebhookReceiver.Post(post.headers(), post.body() + " "), secret))
                .as("a changed body fails the check").isFalse();

        String rotated = Api.json(api.post(HOOKS + "/" + id + "/rotate-secret", integrator)).getString("secret");
        assertThat(rotated).isNotEqualTo(secret);
        sendOrderEvent(orderEvent("shipped", customer, orderId));
        WebhookReceiver.Post next = receiver.await(DEADLINE);
        assertThat(Json.createReader(new StringReader(next.body())).readObject().getString("type"))
                .as("the duplicated confirmation was posted once").isEqualTo(SHIPPED);
        assertThat(WebhookReceiver.verify(next, rotated)).isTrue();
        assertThat(WebhookReceiver.verify(next, secret)).isFalse();

        List<JsonObject> delivered = awaitDeliveries(id, integrator, 2);
        assertThat(delivered).extracting(delivery -> delivery.getString("channel")).containsOnly("webhook");
        assertThat(delivered).extracting(delivery -> delivery.getString("notice")).containsExactly(SHIPPED, CONFIRMED);

        String other = platform.tokens().token("other-" + UUID.randomUUID(), "integrator");
        assertProblem(api.get(HOOKS + "/" + id, other), 404, "not-found");
        assertProblem(api.get(HOOKS + "/" + id + "/deliveries", other), 404, "not-found");
        assertProblem(api.post(HOOKS + "/" + id + "/rotate-secret", other), 404, "not-found");
        assertProblem(api.delete(HOOKS + "/" + id, other), 404, "not-found");
        assertThat(Api.json(api.get(HOOKS, other)).getJsonArray("items")).isEmpty();
        assertThat(Api.json(api.get(HOOKS + "/" + id, support)).getString("owner")).isNotBlank();

        assertThat(api.delete(HOOKS + "/" + id, integrator).statusCode()).isEqualTo(204);
        assertProblem(api.get(HOOKS + "/" + id, integrator), 404, "not-found");
    }

    @Test
    void anEndpointThatKeepsFailingIsDisabledStaffAreToldAndEnablingResumes() throws Exception {
        try (WebhookReceiver failing = new WebhookReceiver()) {
            failing.answer(503);
            String integrator = platform.tokens().token("flaky-" + UUID.randomUUID(), "integrator");
            String id = Api.json(api.postJson(HOOKS, register(failing.url().toString(), CONFIRMED), integrator))
                    .getString("id");
            var confirmed = orderEvent("confirmed", "c-" + UUID.randomUUID(), newOrderId());
            sendOrderEvent(confirmed);

            String firstId = failing.await(DEADLINE).header("webhook-id");
            for (int attempt = 2; attempt <= 4; attempt++) {
                assertThat(failing.await(DEADLINE).header("webhook-id")).as("a retry of the same delivery")
                        .isEqualTo(firstId);
            }
            JsonObject disabled = awaitEndpoint(id, integrator, "disabled");
            assertThat(disabled.getString("disabledReason")).contains("4 attempts in a row failed", "503");
            assertThat(awaitStaffMailAbout(failing.url().toString())).hasSize(1);
            assertThat(Api.json(api.get("/api/notifications/messages?limit=100", support)).getJsonArray("items")
                    .getValuesAs(JsonObject.class)).anySatisfy(message -> {
                        assertThat(message.getString("notice")).isEqualTo("webhook.disabled");
                        assertThat(message.getString("body")).contains(failing.url().toString());
                    });
            assertThat(Api.json(api.get("/api/notifications/messages", platform.tokens().token(
                    "c-" + UUID.randomUUID(), "customer"))).getJsonArray("items")).as("not for customers").isEmpty();

            failing.answer(200);
            JsonObject enabled = Api.json(api.post(HOOKS + "/" + id + "/enable", integrator));
            assertThat(enabled.getString("status")).isEqualTo("active");
            assertThat(enabled.getInt("consecutiveFailures")).isZero();
            var later = orderEvent("confirmed", "c-" + UUID.randomUUID(), newOrderId());
            sendOrderEvent(later);
            WebhookReceiver.Post post;
            do {
                post = failing.await(DEADLINE);
            } while (!post.body().contains(later.id()));
            assertThat(post.header("webhook-id")).isNotEqualTo(firstId);
        }
    }

    @Test
    void urlsThatCouldReachInsideTheNetworkAndBadRequestsAreRefused() {
        String integrator = platform.tokens().token("probe-" + UUID.randomUUID(), "integrator");
        int port = receiver.port();
        for (String url : List.of("http://127.0.0.1:" + port + "/hook", "http://[::1]:" + port + "/hook",
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/hook", "http://192.168.1.20/hook",
                "http://172.16.5.4/hook", "http://100.64.0.1/hook", "http://0.0.0.0:" + port + "/hook",
                "http://user:secret@localhost:" + port + "/hook", "ftp://example.com/hook", "/hook",
                "not a url", "http://no-such-host.invalid/hook")) {
            assertProblem(api.postJson(HOOKS, register(url, CONFIRMED), integrator), 422, "unprocessable");
        }
        assertThat(Api.json(api.get(HOOKS, integrator)).getJsonArray("items")).as("nothing stored").isEmpty();

        String good = receiver.url().toString();
        assertProblem(api.postJson(HOOKS, register(good, "dev.shopstream.auth.user.registered"), integrator), 400,
                "validation-failed");
        assertProblem(api.postJson(HOOKS, "{\"url\":\"" + good + "\",\"eventTypes\":[]}", integrator), 400,
                "validation-failed");
        assertProblem(api.postJson(HOOKS, "{\"eventTypes\":[\"" + CONFIRMED + "\"]}", integrator), 400,
                "validation-failed");
        assertProblem(api.postJson(HOOKS, "{\"url\":\"" + good + "\",\"eventTypes\":\"" + CONFIRMED + "\"}",
                integrator), 400, "malformed-request");
        assertProblem(api.postJson(HOOKS, "{\"url\":", integrator), 400, "malformed-request");
        assertProblem(api.postJson(HOOKS, register(good + "?q=" + "x".repeat(2_000), CONFIRMED), integrator), 400,
                "validation-failed");
        assertProblem(api.postJson(HOOKS, register(good, CONFIRMED), platform.tokens().token("c", "customer")), 403,
                "forbidden");
        assertProblem(api.postJson(HOOKS, register(good, CONFIRMED), admin), 403, "forbidden");
        assertProblem(api.post(HOOKS + "/" + UUID.randomUUID() + "/enable", support), 403, "forbidden");
        assertUnauthorized(api.postJson(HOOKS, register(good, CONFIRMED), null));
        assertUnauthorized(api.get(HOOKS, platform.tokens().expired("probe", "integrator")));
        assertProblem(api.get(HOOKS + "/" + UUID.randomUUID(), integrator), 404, "not-found");
        assertProblem(api.get(HOOKS + "/not-a-uuid", integrator), 404, "not-found");

        for (int i = 0; i < 10; i++) {
            assertThat(api.postJson(HOOKS, register(good, CONFIRMED), integrator).statusCode()).isEqualTo(201);
        }
        assertProblem(api.postJson(HOOKS, register(good, CONFIRMED), integrator), 422, "unprocessable");
        for (JsonObject endpoint : Api.json(api.get(HOOKS + "?limit=100", integrator)).getJsonArray("items")
                .getValuesAs(JsonObject.class)) {
            api.delete(HOOKS + "/" + endpoint.getString("id"), integrator);
        }
    }

    private static String register(String url, String... types) {
        var eventTypes = Json.createArrayBuilder();
        for (String type : types) {
            eventTypes.add(type);
        }
        return Json.createObjectBuilder().add("url", url).add("eventTypes", eventTypes)
                .add("description", "test receiver").build().toString();
    }

    private static List<JsonObject> awaitDeliveries(String id, String token, int sent) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            List<JsonObject> items = Api.json(api.get(HOOKS + "/" + id + "/deliveries", token)).getJsonArray("items")
                    .getValuesAs(JsonObject.class);
            if (items.stream().filter(item -> item.getString("status").equals("sent")).count() >= sent
                    || Instant.now().isAfter(deadline)) {
                assertThat(items).extracting(item -> item.getString("status")).containsOnly("sent");
                return items;
            }
            Thread.sleep(200);
        }
    }

    private static JsonObject awaitEndpoint(String id, String token, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        JsonObject endpoint = Api.json(api.get(HOOKS + "/" + id, token));
        while (!endpoint.getString("status").equals(status) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            endpoint = Api.json(api.get(HOOKS + "/" + id, token));
        }
        assertThat(endpoint.getString("status")).isEqualTo(status);
        return endpoint;
    }

    private static List<MimeMessage> awaitStaffMailAbout(String url) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        List<MimeMessage> told = List.of();
        while (told.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            told = mailbox.messagesTo(STAFF_EMAIL).stream().filter(mail -> subject(mail).contains(url)).toList();
        }
        return told;
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
