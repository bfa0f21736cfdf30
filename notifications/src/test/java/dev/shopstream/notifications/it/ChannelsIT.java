package dev.shopstream.notifications.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.EventTopic;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static dev.shopstream.testkit.Problems.assertProblem;
import static dev.shopstream.testkit.Problems.assertUnauthorized;
import static dev.shopstream.testkit.Problems.fields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMS and push through the dispatcher to the local sink (the platform's provider in tests): a customer's order
 * update goes to every device they registered, in their language, recorded by the sink for staff to read with the
 * recipient masked; SMS only after opting in, and a customer Keycloak has no phone number for gets an SMS logged
 * dead; devices are the user's own (another's is 404), registering again is idempotent, the cap holds, bad bodies,
 * tokens and roles are refused; erasure forgets devices and what the sink recorded.
 */
class ChannelsIT extends NotificationsApiTest {

    private static final String DEVICES = "/api/notifications/devices";
    private static final String SINK = "/api/notifications/local-sink";

    @Test
    void anOrderUpdateGoesToEveryRegisteredDeviceAndTheSinkRecordsIt() throws Exception {
        Shopper shopper = registeredShopper("Dana", "de");
        String phone = token();
        String tablet = token();
        register(shopper.token(), "ios", phone);
        register(shopper.token(), "android", tablet);
        String orderId = newOrderId();

        sendOrderEvent(orderEvent("shipped", shopper.userId(), orderId,
                Json.createObjectBuilder().add("carrier", "DHL")));

        String number = orderId.substring(0, 8).toUpperCase();
        awaitSink(shopper.userId(), 2);
        List<JsonObject> recorded = sink(shopper.userId());
        assertThat(recorded).extracting(message -> message.getString("recipient"))
                .containsExactlyInAnyOrder("…" + phone.substring(phone.length() - 6),
                        "…" + tablet.substring(tablet.length() - 6));
        assertThat(recorded).allSatisfy(message -> {
            assertThat(message.getString("channel")).isEqualTo("push");
            assertThat(message.getString("notice")).isEqualTo("order.shipped");
            assertThat(message.getString("title")).isEqualTo("Bestellung " + number + " ist unterwegs");
            assertThat(message.getString("text")).isEqualTo("Ihr Paket wurde versandt mit DHL.");
        });
        assertThat(recorded).extracting(message -> message.getString("platform"))
                .containsExactlyInAnyOrder("ios", "android");
        JsonObject delivery = awaitDelivery(shopper.userId(), "order.shipped", "push",
                logged -> logged.getString("status").equals("sent"));
        assertThat(delivery.getString("recipient")).doesNotContain(phone).doesNotContain(tablet);
        assertThat(deliveriesOf(shopper.userId(), "order.shipped").getValuesAs(JsonObject.class))
                .as("SMS is opt-in: none without it").noneMatch(logged -> logged.getString("channel").equals("sms"));
        assertThat(mailbox.awaitMessagesTo(shopper.email(), 2, DEADLINE)).as("welcome and shipped mail").hasSize(2);
    }

    @Test
    void aCustomerWhoOptedInToSmsButHasNoPhoneNumberGetsAnSmsLoggedDead() throws Exception {
        Shopper shopper = registeredShopper("Sol", "en");
        Api.json(api.putJson("/api/notifications/preferences", """
                {"preferences":[{"category":"transactional","channel":"sms","enabled":true},
                                {"category":"transactional","channel":"push","enabled":false}]}""",
                shopper.token(), null));
        register(shopper.token(), "web", token());

        sendOrderEvent(orderEvent("confirmed", shopper.userId(), newOrderId()));

        JsonObject sms = awaitDelivery(shopper.userId(), "order.confirmed", "sms",
                logged -> logged.getString("status").equals("dead"));
        assertThat(sms.getString("lastError")).contains("No phone number is known");
        assertThat(sms.getString("recipient")).isEqualTo("***");
        assertThat(deliveriesOf(shopper.userId(), "order.confirmed").getValuesAs(JsonObject.class))
                .as("push switched off").noneMatch(logged -> logged.getString("channel").equals("push"));
        awaitDelivery(shopper.userId(), "order.confirmed", "email", logged -> logged.getString("status")
                .equals("sent"));
    }

    @Test
    void devicesAreTheirUsersOwnAndRegisteringAgainChangesNothing() {
        String mine = platform.tokens().token("d-" + UUID.randomUUID(), "customer");
        String other = platform.tokens().token("d-" + UUID.randomUUID(), "customer");
        String token = token();

        HttpResponse<String> created = api.postJson(DEVICES, body("ios", token), mine);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Api.json(created).getString("id");
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith(DEVICES + "/" + id));
        HttpResponse<String> again = api.postJson(DEVICES, body("ios", token), mine);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Api.json(again).getString("id")).isEqualTo(id);

        JsonArray listed = Api.jsonArray(api.get(DEVICES, mine));
        assertThat(listed).hasSize(1);
        assertThat(listed.getJsonObject(0).getString("tokenEnding")).isEqualTo("…" + token.substring(token.length() - 6));
        assertThat(listed.toString()).doesNotContain(token);
        assertThat(Api.jsonArray(api.get(DEVICES, other))).isEmpty();
        assertProblem(api.delete(DEVICES + "/" + id, other), 404, "not-found");
        assertThat(Api.jsonArray(api.get(DEVICES, mine))).hasSize(1);

        assertThat(api.delete(DEVICES + "/" + id, mine).statusCode()).isEqualTo(204);
        assertProblem(api.delete(DEVICES + "/" + id, mine), 404, "not-found");
        assertThat(Api.jsonArray(api.get(DEVICES, mine))).isEmpty();
    }

    @Test
    void aTokenRegisteredByAnotherUserMovesToTheCaller() {
        String first = platform.tokens().token("d-" + UUID.randomUUID(), "customer");
        String second = platform.tokens().token("d-" + UUID.randomUUID(), "customer");
        String token = token();
        api.postJson(DEVICES, body("android", token), first);

        assertThat(api.postJson(DEVICES, body("android", token), second).statusCode()).isEqualTo(201);

        assertThat(Api.jsonArray(api.get(DEVICES, first))).isEmpty();
        assertThat(Api.jsonArray(api.get(DEVICES, second))).hasSize(1);
    }

    @Test
    void aUserMayRegisterTenDevices() {
        String user = platform.tokens().token("d-" + UUID.randomUUID(), "customer");
        for (int device = 0; device < 10; device++) {
            assertThat(api.postJson(DEVICES, body("web", token()), user).statusCode()).isEqualTo(201);
        }

        assertProblem(api.postJson(DEVICES, body("web", token()), user), 422, "unprocessable");
        assertThat(Api.jsonArray(api.get(DEVICES, user))).hasSize(10);
    }

    @Test
    void badDevicesTokensAndRolesAreRefusedWithProblems() {
        String user = platform.tokens().token("d-" + UUID.randomUUID(), "customer");

        assertProblem(api.postJson(DEVICES, "{not json", user), 400, "malformed-request");
        assertThat(fields(assertProblem(api.postJson(DEVICES, "{}", user), 400, "validation-failed")))
                .contains("platform", "token");
        assertThat(fields(assertProblem(api.postJson(DEVICES, body("blackberry", token()), user), 400,
                "validation-failed"))).containsOnly("platform");
        assertThat(fields(assertProblem(api.postJson(DEVICES, body("ios", "short"), user), 400,
                "validation-failed"))).containsOnly("token");
        assertThat(fields(assertProblem(api.postJson(DEVICES, body("ios", "x".repeat(4_097)), user), 400,
                "validation-failed"))).containsOnly("token");
        assertThat(fields(assertProblem(api.postJson(DEVICES, body("ios", "a token with spaces in it"), user), 400,
                "validation-failed"))).containsOnly("token");
        assertThat(fields(assertProblem(api.postJson(DEVICES, "{\"platform\":\"ios\",\"token\":42}", user), 400,
                "validation-failed"))).containsOnly("token");
        assertThat(Api.jsonArray(api.get(DEVICES, user))).isEmpty();
        assertProblem(api.delete(DEVICES + "/" + UUID.randomUUID(), user), 404, "not-found");
        assertProblem(api.delete(DEVICES + "/not-a-uuid", user), 404, "not-found");

        assertUnauthorized(api.get(DEVICES, null));
        assertUnauthorized(api.postJson(DEVICES, body("ios", token()), null));
        assertUnauthorized(api.postJson(DEVICES, body("ios", token()), platform.tokens().expired("d", "customer")));
        assertProblem(api.postJson(DEVICES, body("ios", token()), platform.tokens().token("i", "integrator")), 403,
                "forbidden");

        assertProblem(api.get(SINK, user), 403, "forbidden");
        assertUnauthorized(api.get(SINK, null));
        assertProblem(api.get(SINK + "?channel=fax", support), 400, "validation-failed");
        assertProblem(api.get(SINK + "?cursor=garbage", support), 400, "validation-failed");
        assertProblem(api.get(SINK + "?limit=0", support), 400, "validation-failed");
    }

    @Test
    void userDeletedForgetsTheDevicesAndWhatTheSinkRecorded() throws Exception {
        Shopper shopper = registeredShopper("Ezra", "en");
        String token = token();
        register(shopper.token(), "ios", token);
        sendOrderEvent(orderEvent("delivered", shopper.userId(), newOrderId()));
        awaitSink(shopper.userId(), 1);

        RecordMetadata deleted = userEvents.send(shopper.userId(), EventTopic.userDeleted(shopper.userId()).json());
        userEvents.awaitAcknowledged(GROUP, deleted, DEADLINE);

        assertThat(Api.jsonArray(api.get(DEVICES, shopper.token()))).isEmpty();
        assertThat(sink(shopper.userId())).isEmpty();
        assertThat(deliveriesOf(shopper.userId(), "order.delivered")).isEmpty();
    }

    private static void register(String user, String platformName, String token) {
        HttpResponse<String> registered = api.postJson(DEVICES, body(platformName, token), user);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    }

    private static String body(String platformName, String token) {
        return Json.createObjectBuilder().add("platform", platformName).add("token", token).build().toString();
    }

    /** A token as a provider issues one: long, opaque, unique per installation. */
    private static String token() {
        return "tok_" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }

    private static List<JsonObject> sink(String userId) {
        return Api.json(api.get(SINK + "?userId=" + userId + "&limit=100", support)).getJsonArray("items")
                .getValuesAs(JsonObject.class);
    }

    private static void awaitSink(String userId, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DEADLINE.toMillis();
        while (sink(userId).size() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("The sink recorded " + sink(userId) + " for " + userId);
            }
            Thread.sleep(200);
        }
    }
}
