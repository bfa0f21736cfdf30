package dev.shopstream.notifications.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.EventTopic;
import dev.shopstream.testkit.Mailbox;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * payment.events: a reconciliation gap reaches staff by mail and among their in-app messages, once however often
 * the event comes; a gap event without a gapId is dead-lettered; the other payment events send nothing (customers
 * hear of their payments through order.lifecycle).
 */
class PaymentNoticesIT extends NotificationsApiTest {

    private static final String STAFF = "shop-staff@shopstream.local";

    @Test
    void aReconciliationGapReachesStaffOnceByMailAndInTheShop() throws Exception {
        EventTopic payments = new EventTopic(platform, "payment.events");
        String paymentId = UUID.randomUUID().toString();
        EventTopic.Envelope gap = EventTopic.envelope("/shopstream/payments",
                "dev.shopstream.payments.reconciliation.gap-found", paymentId, Json.createObjectBuilder()
                        .add("gapId", 17).add("runId", 4).add("provider", "sandbox").add("kind", "amount_mismatch")
                        .add("paymentId", paymentId).add("providerReference", "ch_5d1e0c2b")
                        .add("ledgerValue", "captured=2000").add("providerValue", "captured=1500")
                        .add("windowStart", "2026-11-24T00:00:00Z").add("windowEnd", "2026-11-25T00:00:00Z")
                        .build());

        for (int time = 0; time < 2; time++) {
            RecordMetadata sent = payments.send(paymentId, gap.json());
            payments.awaitAcknowledged(GROUP, sent, DEADLINE);
        }

        Instant deadline = Instant.now().plus(DEADLINE);
        while (gapMail(paymentId).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        Thread.sleep(1_000);
        List<MimeMessage> mail = gapMail(paymentId);
        assertThat(mail).hasSize(1);
        assertThat(subject(mail.get(0))).isEqualTo("Reconciliation gap: amount_mismatch in payment " + paymentId);
        assertThat(Mailbox.text(mail.get(0))).contains("Ledger: captured=2000", "Provider: captured=1500",
                "Provider reference: ch_5d1e0c2b");
        List<JsonObject> staffMessages = Api.json(api.get("/api/notifications/messages?limit=100", support))
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(message -> message.getString("body").contains(paymentId)).toList();
        assertThat(staffMessages).hasSize(1);
        assertThat(staffMessages.get(0).getString("title")).isEqualTo("Reconciliation gap: amount_mismatch");
    }

    @Test
    void aGapWithoutItsIdIsDeadLetteredAndOtherPaymentEventsSendNothing() throws Exception {
        EventTopic payments = new EventTopic(platform, "payment.events");
        String paymentId = UUID.randomUUID().toString();
        EventTopic.Envelope broken = EventTopic.envelope("/shopstream/payments",
                "dev.shopstream.payments.reconciliation.gap-found", paymentId,
                Json.createObjectBuilder().add("kind", "status_mismatch").add("paymentId", paymentId).build());
        EventTopic.Envelope refunded = EventTopic.envelope("/shopstream/payments",
                "dev.shopstream.payments.payment.refunded", paymentId, Json.createObjectBuilder()
                        .add("paymentId", paymentId).add("orderId", newOrderId()).add("customerId", "sub-x")
                        .add("status", "refunded").add("amountMinor", 100).add("currency", "EUR")
                        .add("at", Instant.now().toString()).build());

        payments.awaitAcknowledged(GROUP, payments.send(paymentId, broken.json()), DEADLINE);
        payments.awaitAcknowledged(GROUP, payments.send(paymentId, refunded.json()), DEADLINE);

        assertThat(payments.awaitDeadLetter(record -> record.value().contains(broken.id()), DEADLINE))
                .hasValueSatisfying(letter -> {
                    assertThat(EventTopic.header(letter, "dlq-consumer")).isEqualTo("notifications.payments");
                    assertThat(EventTopic.header(letter, "dlq-reason")).contains("gapId");
                });
        assertThat(deliveriesOf("sub-x", "payment.refunded")).isEmpty();
    }

    private static List<MimeMessage> gapMail(String paymentId) {
        return mailbox.messagesTo(STAFF).stream().filter(message -> subject(message).contains(paymentId)).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
