package dev.shopstream.notifications.it;

import dev.shopstream.testkit.Api;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** While the SMTP server is down mail waits and is retried with backoff; once it is back, the mail goes out once. */
class SmtpOutageIT extends NotificationsApiTest {

    @Test
    void mailQueuedWhileTheSmtpServerIsDownIsSentWhenItReturns() throws Exception {
        Shopper shopper = registeredShopper("Noor", "en");
        String orderId = newOrderId();

        platform.withSmtpDown(() -> {
            try {
                sendOrderEvent(orderEvent("confirmed", shopper.userId(), orderId));
                JsonObject failing = awaitDelivery(shopper.userId(), "order.confirmed", "email",
                        delivery -> delivery.getString("status").equals("failed") && delivery.getInt("attempts") >= 2);
                assertThat(failing.getString("lastError")).contains("SMTP failed");
                assertThat(failing.containsKey("nextAttemptAt")).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        List<MimeMessage> mail = mailbox.awaitMessagesTo(shopper.email(), 1, DEADLINE);
        assertThat(mail).extracting(MimeMessage::getSubject)
                .containsExactly("Your order " + orderId.substring(0, 8).toUpperCase() + " is confirmed");
        JsonObject sent = awaitDelivery(shopper.userId(), "order.confirmed", "email",
                delivery -> delivery.getString("status").equals("sent"));
        JsonObject detail = Api.json(api.get("/api/notifications/deliveries/" + sent.getString("id"), support));
        List<JsonObject> attempts = detail.getJsonArray("attemptLog").getValuesAs(JsonObject.class);
        assertThat(attempts.size()).isGreaterThanOrEqualTo(3);
        assertThat(attempts.subList(0, attempts.size() - 1)).allMatch(attempt -> !attempt.getBoolean("sent"));
        assertThat(attempts.get(attempts.size() - 1).getBoolean("sent")).isTrue();
        assertThat(mailbox.countTo(shopper.email())).isEqualTo(1);
    }
}
