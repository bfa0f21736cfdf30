package dev.shopstream.notifications.it;

import dev.shopstream.testkit.Api;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.shopstream.testkit.Problems.assertProblem;
import static dev.shopstream.testkit.Problems.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In-app messages belong to their user: listed, counted and marked read by them only; another user's message is
 * 404. The delivery log is staff's. Bad tokens, roles, ids, filters and cursors are refused with problem documents.
 */
class MessagesIT extends NotificationsApiTest {

    @Test
    void aUserReadsCountsAndMarksTheirOwnMessagesOnly() throws Exception {
        Shopper shopper = registeredShopper("Ola", "en");
        Shopper other = registeredShopper("Pat", "en");
        sendOrderEvent(orderEvent("confirmed", shopper.userId(), newOrderId()));

        assertThat(Api.json(api.get("/api/notifications/messages/unread-count", shopper.token())).getInt("unread"))
                .isEqualTo(2);
        List<JsonObject> mine = Api.json(api.get("/api/notifications/messages?limit=1", shopper.token()))
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(mine).hasSize(1);
        String id = mine.get(0).getString("id");

        assertProblem(api.post("/api/notifications/messages/" + id + "/read", other.token()), 404, "not-found");
        JsonObject read = Api.json(api.post("/api/notifications/messages/" + id + "/read", shopper.token()));
        assertThat(read.getString("readAt")).isNotBlank();
        JsonObject again = Api.json(api.post("/api/notifications/messages/" + id + "/read", shopper.token()));
        assertThat(again.getString("readAt")).isEqualTo(read.getString("readAt"));
        assertThat(Api.json(api.get("/api/notifications/messages/unread-count", shopper.token())).getInt("unread"))
                .isEqualTo(1);
        assertThat(Api.json(api.get("/api/notifications/messages?unread=true", shopper.token()))
                .getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(message -> message.getString("id")).doesNotContain(id).hasSize(1);
        assertThat(Api.json(api.get("/api/notifications/messages", other.token())).getJsonArray("items"))
                .hasSize(1);
    }

    @Test
    void messagesAndTheDeliveryLogRefuseBadRequests() {
        String customer = platform.tokens().token("c-" + UUID.randomUUID(), "customer");
        assertUnauthorized(api.get("/api/notifications/messages", null));
        assertUnauthorized(api.get("/api/notifications/messages", platform.tokens().expired("c", "customer")));
        assertUnauthorized(api.get("/api/notifications/messages", platform.tokens().signedByUnknownKey("c", "customer")));
        assertUnauthorized(api.get("/api/notifications/messages", platform.tokens().tampered("c")));
        assertProblem(api.get("/api/notifications/messages", platform.tokens().token("i", "integrator")), 403,
                "forbidden");
        assertProblem(api.post("/api/notifications/messages/" + UUID.randomUUID() + "/read", customer), 404,
                "not-found");
        assertProblem(api.post("/api/notifications/messages/not-a-uuid/read", customer), 404, "not-found");
        assertProblem(api.get("/api/notifications/messages?cursor=garbage", customer), 400, "validation-failed");
        assertProblem(api.get("/api/notifications/messages?limit=1000", customer), 400, "validation-failed");

        assertProblem(api.get("/api/notifications/deliveries", customer), 403, "forbidden");
        assertProblem(api.get("/api/notifications/deliveries?status=lost", support), 400, "validation-failed");
        assertProblem(api.get("/api/notifications/deliveries?channel=fax", support), 400, "validation-failed");
        assertProblem(api.get("/api/notifications/deliveries/" + UUID.randomUUID(), support), 404, "not-found");
    }
}
