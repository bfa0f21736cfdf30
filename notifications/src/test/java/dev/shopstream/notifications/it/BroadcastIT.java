package dev.shopstream.notifications.it;

import dev.shopstream.devstack.node.LibertyServerProcess;
import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.EventTopic;
import dev.shopstream.testkit.Mailbox;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static dev.shopstream.notifications.it.PreferencesIT.choices;
import static dev.shopstream.notifications.it.PreferencesIT.marketing;
import static dev.shopstream.notifications.it.PreferencesIT.oneClick;
import static dev.shopstream.testkit.Problems.assertProblem;
import static dev.shopstream.testkit.Problems.assertUnauthorized;
import static dev.shopstream.testkit.Problems.fields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins schedule marketing mail to a segment: it reaches, once each, only the customers who opted in by e-mail,
 * in their language and with one-click unsubscribe headers; it goes out at the configured pace, one pace for two
 * replicas, each recipient once; running its batches again sends nothing twice; it can be cancelled before its time and while its mail waits; bad requests are
 * refused with problem documents.
 */
class BroadcastIT extends NotificationsApiTest {

    private static final String BROADCASTS = "/api/notifications/broadcasts";

    @Test
    void aBroadcastReachesTheOptedInCustomersOfItsPeriodOnceInTheirLanguageWithUnsubscribeHeaders() throws Exception {
        Instant from = uniquePeriod();
        Shopper robin = orderedIn(registeredShopper("Robin", "en"), from);
        Shopper ute = orderedIn(registeredShopper("Ute", "de"), from);
        Shopper silent = orderedIn(registeredShopper("Sil", "en"), from);
        Shopper inAppOnly = orderedIn(registeredShopper("Ina", "en"), from);
        Shopper changedMind = orderedIn(registeredShopper("Cam", "en"), from);
        Shopper outside = orderedIn(registeredShopper("Otto", "en"), from.minus(Duration.ofDays(2)));
        for (Shopper shopper : List.of(robin, ute, changedMind, outside)) {
            optIn(shopper);
        }
        api.putJson("/api/notifications/preferences", marketing("in-app", true), inAppOnly.token(), null);
        api.putJson("/api/notifications/preferences", "{\"preferences\":[]}", changedMind.token(), null);

        JsonObject scheduled = schedule(broadcast("ordered-between", from, from.plus(Duration.ofHours(1)))
                .add("translations", Json.createArrayBuilder().add(Json.createObjectBuilder().add("locale", "de")
                        .add("subject", "Winterschlussverkauf").add("textBody", "Hallo {{firstName}}!"))));
        assertThat(scheduled.getString("status")).isIn("scheduled", "sending");
        assertThat(scheduled.getString("createdBy")).isEqualTo("alice");
        String id = scheduled.getString("id");
        JsonObject sent = awaitBroadcast(id, broadcast -> broadcast.getString("status").equals("sent"));

        assertThat(sent.getJsonObject("counts").getInt("recipients")).isEqualTo(2);
        assertThat(sent.getJsonObject("counts").getInt("sent")).isEqualTo(2);
        List<MimeMessage> robinsMail = mailbox.awaitMessagesTo(robin.email(), 2, DEADLINE);
        assertThat(robinsMail).extracting(MimeMessage::getSubject).containsExactly("Welcome to Shopstream",
                "Our winter sale");
        MimeMessage offer = robinsMail.get(1);
        assertThat(Mailbox.text(offer)).contains("Hi Robin!", "https://shop.test/api/"
                + "notifications/unsubscribe?subscription=");
        String unsubscribe = offer.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe).matches("<" + NotificationsPlatform.PUBLIC_URL
                + "/api/notifications/unsubscribe\\?subscription=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+>");
        assertThat(offer.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(mailbox.awaitMessagesTo(ute.email(), 2, DEADLINE)).extracting(MimeMessage::getSubject)
                .containsExactly("Willkommen bei Shopstream", "Winterschlussverkauf");
        for (Shopper left : List.of(silent, inAppOnly, changedMind, outside)) {
            assertThat(mailbox.messagesTo(left.email())).as(left.name()).hasSize(1);
            assertThat(deliveriesOf(left.userId(), "broadcast")).as("nothing queued or logged").isEmpty();
        }
        JsonObject robinsDelivery = deliveriesOf(robin.userId(), "broadcast").getJsonObject(0);
        JsonObject utesDelivery = deliveriesOf(ute.userId(), "broadcast").getJsonObject(0);
        assertThat(robinsDelivery.getString("category")).isEqualTo("marketing");
        assertThat(Duration.between(earlier(robinsDelivery, utesDelivery), later(robinsDelivery, utesDelivery)))
                .as("the second recipient waits for the pace").isGreaterThanOrEqualTo(
                        Duration.ofMillis(1000 / NotificationsPlatform.BROADCAST_RATE - 10));

        // The batches run again from the first recipient (as after a crash): every delivery exists, none is made twice.
        try (Connection database = platform.database();
             PreparedStatement rerun = database.prepareStatement("UPDATE broadcast SET status = 'sending',"
                     + " cursor_user_id = '', all_queued = false, finished_at = NULL WHERE id = ?::uuid")) {
            rerun.setString(1, id);
            assertThat(rerun.executeUpdate()).isEqualTo(1);
        }
        JsonObject again = awaitBroadcast(id, broadcast -> broadcast.getString("status").equals("sent"));
        assertThat(again.getJsonObject("counts").getInt("recipients")).isEqualTo(2);
        assertThat(mailbox.messagesTo(robin.email())).hasSize(2);
        assertThat(mailbox.messagesTo(ute.email())).hasSize(2);
        assertProblem(api.post(BROADCASTS + "/" + id + "/cancel", admin), 409, "conflict");

        URI link = URI.create(unsubscribe.substring(1, unsubscribe.length() - 1));
        HttpResponse<String> clicked = oneClick(link.getRawPath() + "?" + link.getRawQuery());
        assertThat(clicked.statusCode()).as(clicked.body()).isEqualTo(200);
        assertThat(choices(Api.json(api.get("/api/notifications/preferences", robin.token()))))
                .containsEntry("marketing/email", false);
    }

    @Test
    void twoReplicasSendABroadcastOnceToEachRecipientAtOnePace() throws Exception {
        Instant from = uniquePeriod();
        List<Shopper> customers = new ArrayList<>();
        for (String name : List.of("Rea", "Rex", "Ria", "Roy")) {
            Shopper customer = orderedIn(registeredShopper(name, "en"), from);
            optIn(customer);
            customers.add(customer);
        }
        try (LibertyServerProcess replica = platform.startReplica()) {
            HttpResponse<String> created = new Api(replica.baseUri()).postJson(BROADCASTS,
                    broadcast("ordered-between", from, from.plus(Duration.ofHours(1))).build().toString(), admin);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = Api.json(created).getString("id");

            JsonObject sent = awaitBroadcast(id, broadcast -> broadcast.getString("status").equals("sent"));

            assertThat(sent.getJsonObject("counts").getInt("sent")).isEqualTo(4);
            List<Instant> queued = new ArrayList<>();
            for (Shopper customer : customers) {
                assertThat(mailbox.awaitMessagesTo(customer.email(), 2, DEADLINE)).extracting(MimeMessage::getSubject)
                        .containsExactly("Welcome to Shopstream", "Our winter sale");
                queued.add(Instant.parse(deliveriesOf(customer.userId(), "broadcast").getJsonObject(0)
                        .getString("createdAt")));
            }
            queued.sort(null);
            assertThat(Duration.between(queued.get(0), queued.get(3))).as("one pace for both replicas")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(3 * (1000 / NotificationsPlatform.BROADCAST_RATE) - 30));
        }
    }

    @Test
    void allCustomersMeansRegisteredShoppersAndCustomersWhoOrderedAndOptedIn() throws Exception {
        Shopper shopper = registeredShopper("Alle", "en");
        Shopper notOptedIn = registeredShopper("Nora", "en");
        optIn(shopper);
        String staff = "staff-" + UUID.randomUUID();
        String staffToken = platform.tokens().token(staff, "admin");
        api.putJson("/api/notifications/preferences", marketing("email", true), staffToken, null);

        String toCustomers = schedule(broadcast("all-customers", null, null)).getString("id");
        String toOptIns = schedule(broadcast("marketing-opt-ins", null, null)).getString("id");
        awaitBroadcast(toCustomers, broadcast -> broadcast.getString("status").equals("sent"));
        awaitBroadcast(toOptIns, broadcast -> broadcast.getString("status").equals("sent"));

        assertThat(deliveriesOf(shopper.userId(), "broadcast").getValuesAs(JsonObject.class))
                .extracting(delivery -> delivery.getString("eventId"))
                .containsExactlyInAnyOrder("broadcast:" + toCustomers, "broadcast:" + toOptIns);
        assertThat(mailbox.awaitMessagesTo(shopper.email(), 3, DEADLINE)).hasSize(3);
        assertThat(deliveriesOf(notOptedIn.userId(), "broadcast")).isEmpty();
        // Staff who opted in are no customers; as opt-ins they are reached, and Keycloak knows no address for them.
        assertThat(deliveriesOf("sub-" + staff, "broadcast").getValuesAs(JsonObject.class))
                .singleElement().satisfies(delivery -> {
                    assertThat(delivery.getString("eventId")).isEqualTo("broadcast:" + toOptIns);
                    assertThat(delivery.getString("status")).isEqualTo("dead");
                });
    }

    @Test
    void aBroadcastCancelledBeforeItsTimeSendsNothing() {
        JsonObject scheduled = schedule(broadcast("all-customers", null, null)
                .add("sendAt", Instant.now().plus(Duration.ofHours(1)).toString()));
        String id = scheduled.getString("id");
        assertThat(scheduled.getString("status")).isEqualTo("scheduled");

        JsonObject cancelled = Api.json(api.post(BROADCASTS + "/" + id + "/cancel", admin));
        assertThat(cancelled.getString("status")).isEqualTo("cancelled");
        assertThat(cancelled.getString("cancelledBy")).isEqualTo("alice");
        assertThat(cancelled.getJsonObject("counts").getInt("recipients")).isZero();
        assertThat(Api.json(api.post(BROADCASTS + "/" + id + "/cancel", admin)).getString("cancelledAt"))
                .as("cancelling again changes nothing").isEqualTo(cancelled.getString("cancelledAt"));
        assertThat(Api.json(api.get(BROADCASTS + "?status=cancelled&limit=100", support)).getJsonArray("items")
                .getValuesAs(JsonObject.class)).extracting(broadcast -> broadcast.getString("id")).contains(id);
        assertThat(Api.json(api.get(BROADCASTS + "/" + id, support)).getJsonObject("counts").getInt("recipients"))
                .isZero();
    }

    @Test
    void aBroadcastCancelledWhileItsMailWaitsSendsNoMore() throws Exception {
        Instant from = uniquePeriod();
        Shopper first = orderedIn(registeredShopper("Ivy", "en"), from);
        Shopper second = orderedIn(registeredShopper("Jo", "en"), from);
        optIn(first);
        optIn(second);
        String[] id = new String[1];

        platform.withSmtpDown(() -> {
            id[0] = schedule(broadcast("ordered-between", from, from.plus(Duration.ofHours(1)))).getString("id");
            JsonObject waiting = awaitBroadcast(id[0], broadcast ->
                    broadcast.getJsonObject("counts").getInt("recipients") == 2);
            assertThat(waiting.getString("status")).isEqualTo("sending");
            JsonObject cancelled = Api.json(api.post(BROADCASTS + "/" + id[0] + "/cancel", admin));
            assertThat(cancelled.getString("status")).isEqualTo("cancelled");
            assertThat(cancelled.getJsonObject("counts").getInt("dead")).isEqualTo(2);
        });

        String orderId = newOrderId();
        sendOrderEvent(orderEvent("confirmed", first.userId(), orderId));
        assertThat(mailbox.awaitMessagesTo(first.email(), 1, DEADLINE)).extracting(MimeMessage::getSubject)
                .containsExactly("Your order " + orderId.substring(0, 8).toUpperCase() + " is confirmed");
        for (Shopper shopper : List.of(first, second)) {
            JsonObject delivery = deliveriesOf(shopper.userId(), "broadcast").getJsonObject(0);
            assertThat(delivery.getString("status")).isEqualTo("dead");
            assertThat(delivery.getString("lastError")).isEqualTo("The broadcast was cancelled.");
        }
        assertThat(mailbox.messagesTo(second.email())).isEmpty();
        assertThat(Api.json(api.get(BROADCASTS + "/" + id[0], support)).getString("status")).isEqualTo("cancelled");
    }

    @Test
    void userDeletedForgetsWhenTheCustomerOrdered() throws Exception {
        Shopper shopper = orderedIn(registeredShopper("Del", "en"), uniquePeriod());

        RecordMetadata deleted = userEvents.send(shopper.userId(), EventTopic.userDeleted(shopper.userId()).json());
        userEvents.awaitAcknowledged(GROUP, deleted, DEADLINE);

        try (Connection database = platform.database();
             PreparedStatement orders = database.prepareStatement(
                     "SELECT count(*) FROM customer_order WHERE customer_id = ?")) {
            orders.setString(1, shopper.userId());
            try (ResultSet row = orders.executeQuery()) {
                row.next();
                assertThat(row.getLong(1)).isZero();
            }
        }
    }

    @Test
    void badBroadcastsAreRefusedWithProblems() {
        Instant from = uniquePeriod();
        assertProblem(api.postJson(BROADCASTS, "{not json", admin), 400, "malformed-request");
        assertThat(fields(assertProblem(api.postJson(BROADCASTS, "{\"segment\":\"all-customers\",\"locale\":\"en\","
                + "\"textBody\":\"x\"}", admin), 400, "validation-failed"))).containsExactly("subject");
        assertThat(fields(assertProblem(post(broadcast("everyone", null, null)), 400, "validation-failed")))
                .containsExactly("segment");
        assertThat(fields(assertProblem(post(broadcast("ordered-between", null, null)), 400, "validation-failed")))
                .containsExactlyInAnyOrder("orderedFrom", "orderedUntil");
        assertThat(fields(assertProblem(post(broadcast("ordered-between", from, from)), 400, "validation-failed")))
                .containsExactly("orderedUntil");
        assertThat(fields(assertProblem(post(broadcast("all-customers", from, null)), 400, "validation-failed")))
                .containsExactly("orderedFrom");
        assertThat(fields(assertProblem(post(broadcast("all-customers", null, null).add("subject", "x".repeat(201))),
                400, "validation-failed"))).containsExactly("subject");
        assertThat(fields(assertProblem(post(broadcast("all-customers", null, null).add("locale", "english")), 400,
                "validation-failed"))).contains("locale");
        assertThat(fields(assertProblem(post(broadcast("all-customers", null, null).add("translations",
                Json.createArrayBuilder().add(content("en")))), 400, "validation-failed")))
                .containsExactly("translations[0].locale");
        var many = Json.createArrayBuilder();
        for (int index = 0; index < 11; index++) {
            many.add(content("a" + (char) ('a' + index)));
        }
        assertThat(fields(assertProblem(post(broadcast("all-customers", null, null).add("translations", many)), 400,
                "validation-failed"))).containsExactly("translations");
        assertProblem(post(broadcast("all-customers", null, null).add("sendAt", "tomorrow")), 400,
                "malformed-request");
        assertThat(assertProblem(post(broadcast("all-customers", null, null)
                .add("sendAt", Instant.now().minus(Duration.ofHours(1)).toString())), 422, "unprocessable")
                .getString("detail")).contains("past");
        assertThat(assertProblem(post(broadcast("all-customers", null, null).add("textBody", "{{#open}}never")), 422,
                "unprocessable").getString("detail")).contains("does not compile");

        assertProblem(api.postJson(BROADCASTS, broadcast("all-customers", null, null).build().toString(), support),
                403, "forbidden");
        assertProblem(api.get(BROADCASTS, platform.tokens().token("c", "customer")), 403, "forbidden");
        assertUnauthorized(api.get(BROADCASTS, null));
        assertProblem(api.post(BROADCASTS + "/" + UUID.randomUUID() + "/cancel", support), 403, "forbidden");
        assertProblem(api.get(BROADCASTS + "/" + UUID.randomUUID(), support), 404, "not-found");
        assertProblem(api.post(BROADCASTS + "/" + UUID.randomUUID() + "/cancel", admin), 404, "not-found");
        assertProblem(api.get(BROADCASTS + "/not-a-uuid", support), 404, "not-found");
        assertProblem(api.get(BROADCASTS + "?status=lost", support), 400, "validation-failed");
        assertProblem(api.get(BROADCASTS + "?cursor=garbage", support), 400, "validation-failed");
        assertThat(api.get(BROADCASTS + "?limit=1", support).statusCode()).isEqualTo(200);
    }

    /** A period of an hour on a day of the early 2000s no other test picks: only this test's orders fall in it. */
    private static Instant uniquePeriod() {
        return Instant.parse("2001-01-01T00:00:00Z").plus(ThreadLocalRandom.current().nextLong(200_000),
                ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
    }

    private static Shopper orderedIn(Shopper shopper, Instant periodStart) throws InterruptedException {
        sendOrderEvent(orderEvent("created", shopper.userId(), newOrderId(),
                Json.createObjectBuilder().add("at", periodStart.plus(Duration.ofMinutes(30)).toString())));
        return shopper;
    }

    private static void optIn(Shopper shopper) {
        HttpResponse<String> response = api.putJson("/api/notifications/preferences", marketing("email", true),
                shopper.token(), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static JsonObjectBuilder broadcast(String segment, Instant from, Instant until) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("segment", segment).add("locale", "en")
                .add("subject", "Our winter sale")
                .add("textBody", "Hi {{firstName}}!\n\nUnsubscribe: {{unsubscribeUrl}}\n")
                .add("htmlBody", "<p>Hi {{firstName}}!</p><p><a href=\"{{unsubscribeUrl}}\">Unsubscribe</a></p>");
        if (from != null) {
            body.add("orderedFrom", from.toString());
        }
        if (until != null) {
            body.add("orderedUntil", until.toString());
        }
        return body;
    }

    private static JsonObjectBuilder content(String locale) {
        return Json.createObjectBuilder().add("locale", locale).add("subject", "s").add("textBody", "t");
    }

    private static HttpResponse<String> post(JsonObjectBuilder body) {
        return api.postJson(BROADCASTS, body.build().toString(), admin);
    }

    private static JsonObject schedule(JsonObjectBuilder body) {
        HttpResponse<String> response = post(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonObject scheduled = Api.json(response);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith(BROADCASTS + "/" + scheduled.getString("id")));
        return scheduled;
    }

    private static JsonObject awaitBroadcast(String id, Predicate<JsonObject> condition) {
        Instant deadline = Instant.now().plus(DEADLINE);
        JsonObject broadcast = Api.json(api.get(BROADCASTS + "/" + id, support));
        while (!condition.test(broadcast) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            broadcast = Api.json(api.get(BROADCASTS + "/" + id, support));
        }
        assertThat(condition.test(broadcast)).as("broadcast as expected: " + broadcast).isTrue();
        return broadcast;
    }

    private static Instant earlier(JsonObject one, JsonObject other) {
        Instant a = Instant.parse(one.getString("createdAt"));
        Instant b = Instant.parse(other.getString("createdAt"));
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(JsonObject one, JsonObject other) {
        Instant a = Instant.parse(one.getString("createdAt"));
        Instant b = Instant.parse(other.getString("createdAt"));
        return a.isBefore(b) ? b : a;
    }
}
