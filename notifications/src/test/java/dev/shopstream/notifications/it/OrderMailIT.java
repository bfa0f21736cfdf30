package dev.shopstream.notifications.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.EventTopic;
import dev.shopstream.testkit.Mailbox;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order events become mail and in-app messages, once each: the customer's confirmation in their language with the
 * order's lines and total, a replayed event with no second mail, a customer notifications has no address for, and
 * an event that can never be read, which goes to the dead-letter topic without holding up the next.
 */
class OrderMailIT extends NotificationsApiTest {

    @Test
    void aConfirmedOrderSendsTheCustomerOneMailInTheirLanguageAndAnInAppMessage() throws Exception {
        Shopper shopper = registeredShopper("Robin", "de");
        String orderId = newOrderId();

        sendOrderEvent(orderEvent("confirmed", shopper.userId(), orderId));

        List<MimeMessage> mail = mailbox.awaitMessagesTo(shopper.email(), 2, DEADLINE);
        assertThat(mail).hasSize(2);
        MimeMessage confirmation = mail.get(1);
        String number = orderId.substring(0, 8).toUpperCase();
        assertThat(confirmation.getSubject()).isEqualTo("Ihre Bestellung " + number + " ist bestätigt");
        assertThat(confirmation.getContent()).isInstanceOf(Multipart.class);
        Multipart parts = (Multipart) confirmation.getContent();
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        String text = Mailbox.text(confirmation);
        assertThat(text).contains("Hallo Robin,", "2 × Red mug (12,50\u00a0€)", "Summe: 29,95\u00a0€");
        assertThat(confirmation.getHeader("Message-ID")[0]).endsWith("@shopstream>");

        JsonObject messages = Api.json(api.get("/api/notifications/messages", shopper.token()));
        assertThat(messages.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(message -> message.getString("title"))
                .containsExactly("Ihre Bestellung " + number + " ist bestätigt", "Willkommen bei Shopstream");
        JsonObject sent = awaitDelivery(shopper.userId(), "order.confirmed", "email",
                delivery -> delivery.getString("status").equals("sent"));
        assertThat(sent.getString("recipient")).isEqualTo("s***@example.com");
        assertThat(sent.getInt("templateVersion")).isEqualTo(1);
    }

    @Test
    void theSameEventDeliveredTwiceSendsOneMail() throws Exception {
        Shopper shopper = registeredShopper("Kim", "en");
        String orderId = newOrderId();
        EventTopic.Envelope shipped = orderEvent("shipped", shopper.userId(), orderId,
                Json.createObjectBuilder().add("carrier", "DHL").add("trackingNumber", "JD0146"));

        sendOrderEvent(shipped);
        sendOrderEvent(shipped);
        // A later event's mail arrives after any second mail of the first would have: the dispatcher sends in order.
        sendOrderEvent(orderEvent("delivered", shopper.userId(), orderId));

        List<MimeMessage> mail = mailbox.awaitMessagesTo(shopper.email(), 3, DEADLINE);
        assertThat(mail).extracting(MimeMessage::getSubject).containsExactly("Welcome to Shopstream",
                "Order " + orderId.substring(0, 8).toUpperCase() + " is on its way",
                "Order " + orderId.substring(0, 8).toUpperCase() + " has arrived");
        assertThat(Mailbox.text(mail.get(1))).contains("Hi Kim,", "with DHL", "Tracking number: JD0146");
        assertThat(deliveriesOf(shopper.userId(), "order.shipped")).hasSize(2); // one mail, one in-app message
    }

    @Test
    void aCustomerWithoutAKnownAddressGetsTheInAppMessageAndTheMailIsLoggedDead() throws Exception {
        String customer = "never-registered-" + newOrderId();
        String orderId = newOrderId();

        sendOrderEvent(orderEvent("cancelled", "sub-" + customer, orderId,
                Json.createObjectBuilder().add("reason", "customer request")));

        JsonObject dead = awaitDelivery("sub-" + customer, "order.cancelled", "email",
                delivery -> delivery.getString("status").equals("dead"));
        assertThat(dead.getString("lastError")).contains("No e-mail address is known");
        JsonObject message = Api.json(api.get("/api/notifications/messages",
                platform.tokens().token(customer, "customer"))).getJsonArray("items").getJsonObject(0);
        assertThat(message.getString("title")).isEqualTo("Order " + orderId.substring(0, 8).toUpperCase()
                + " is cancelled");
        assertThat(message.getString("orderId")).isEqualTo(orderId);
    }

    @Test
    void anEventThatCannotBeReadIsDeadLetteredAndTheNextOneStillArrives() throws Exception {
        Shopper shopper = registeredShopper("Alex", null);
        String orderId = newOrderId();
        EventTopic.Envelope withoutTotal = EventTopic.envelope("/shopstream/orders",
                "dev.shopstream.orders.order.confirmed", orderId, Json.createObjectBuilder()
                        .add("orderId", orderId).add("customerId", shopper.userId()).add("status", "confirmed")
                        .add("currency", "EUR").build());

        orderEvents.send(orderId, "{not json");
        sendOrderEvent(withoutTotal);
        sendOrderEvent(orderEvent("refunded", shopper.userId(), orderId,
                Json.createObjectBuilder().add("refundedMinor", 1250)));

        ConsumerRecord<String, String> letter = orderEvents.awaitDeadLetter(
                record -> record.value().contains(withoutTotal.id()), DEADLINE).orElseThrow();
        assertThat(EventTopic.header(letter, "dlq-consumer")).isEqualTo("notifications.orders");
        assertThat(EventTopic.header(letter, "dlq-reason")).contains("totalMinor");
        assertThat(orderEvents.awaitDeadLetter(record -> record.value().equals("{not json"), DEADLINE)).isPresent();
        List<MimeMessage> mail = mailbox.awaitMessagesTo(shopper.email(), 2, DEADLINE);
        assertThat(mail).extracting(MimeMessage::getSubject)
                .containsExactly("Welcome to Shopstream", "A refund for order " + orderId.substring(0, 8).toUpperCase());
        assertThat(Mailbox.text(mail.get(1))).contains("Hi Alex,", "we have refunded €12.50");
    }
}
