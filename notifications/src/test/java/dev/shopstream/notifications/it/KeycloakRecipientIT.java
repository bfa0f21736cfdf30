package dev.shopstream.notifications.it;

import dev.shopstream.testkit.KeycloakUsers;
import dev.shopstream.testkit.Mailbox;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer notifications never heard of through {@code user.registered} (an account made in Keycloak, as the demo
 * accounts are) still gets their mail: the address comes from Keycloak's admin API, read with the
 * shopstream-notifications service account.
 */
class KeycloakRecipientIT extends NotificationsApiTest {

    @Test
    void aCustomerOnlyKeycloakKnowsGetsTheMailAtTheAddressKeycloakHas() throws Exception {
        KeycloakUsers.SignedIn customer = new KeycloakUsers(platform.keycloak()).signedIn("customer");
        String email = customer.username() + "@example.test";
        String orderId = newOrderId();

        sendOrderEvent(orderEvent("confirmed", customer.id(), orderId));

        List<MimeMessage> mail = mailbox.awaitMessagesTo(email, 1, DEADLINE);
        assertThat(mail).extracting(MimeMessage::getSubject)
                .containsExactly("Your order " + orderId.substring(0, 8).toUpperCase() + " is confirmed");
        assertThat(Mailbox.text(mail.get(0))).contains("Hi Test,", "Total: €29.95");
    }
}
