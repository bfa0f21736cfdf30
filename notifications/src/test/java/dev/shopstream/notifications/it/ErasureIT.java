package dev.shopstream.notifications.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.EventTopic;
import jakarta.json.JsonObject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An erased user is forgotten: address, in-app messages, live stream events, and the delivery log's recipients and
 * bodies.
 */
class ErasureIT extends NotificationsApiTest {

    @Test
    void userDeletedForgetsTheAddressTheMessagesAndTheRecipientsInTheLog() throws Exception {
        Shopper shopper = registeredShopper("Erin", "en");
        sendOrderEvent(orderEvent("confirmed", shopper.userId(), newOrderId()));
        awaitDelivery(shopper.userId(), "order.confirmed", "email", delivery -> delivery.getString("status")
                .equals("sent"));

        assertThat(liveEventsOf(shopper.userId())).as("the order's status and message in the live stream")
                .isEqualTo(3);

        RecordMetadata deleted = userEvents.send(shopper.userId(), EventTopic.userDeleted(shopper.userId()).json());
        userEvents.awaitAcknowledged(GROUP, deleted, DEADLINE);

        assertThat(Api.json(api.get("/api/notifications/messages", shopper.token())).getJsonArray("items")).isEmpty();
        assertThat(deliveriesOf(shopper.userId(), "order.confirmed")).isEmpty();
        try (Connection database = platform.database();
             PreparedStatement recipient = database.prepareStatement("SELECT count(*) FROM recipient WHERE user_id = ?");
             PreparedStatement log = database.prepareStatement(
                     "SELECT count(*) FROM delivery WHERE recipient = ? OR text_body LIKE '%Erin%'")) {
            recipient.setString(1, shopper.userId());
            log.setString(1, shopper.email());
            assertThat(count(recipient)).isZero();
            assertThat(count(log)).isZero();
        }
        assertThat(liveEventsOf(shopper.userId())).isZero();
        List<JsonObject> pseudonymous = Api.json(api.get("/api/notifications/deliveries?notice=welcome&limit=100",
                support)).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(delivery -> delivery.getString("userId").startsWith("erased-")).toList();
        assertThat(pseudonymous).isNotEmpty();
    }

    private static long liveEventsOf(String userId) throws Exception {
        try (Connection database = platform.database();
             PreparedStatement live = database.prepareStatement("SELECT count(*) FROM live_event WHERE user_id = ?")) {
            live.setString(1, userId);
            return count(live);
        }
    }

    private static long count(PreparedStatement statement) throws Exception {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
