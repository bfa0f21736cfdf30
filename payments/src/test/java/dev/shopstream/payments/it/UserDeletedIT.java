package dev.shopstream.payments.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.EventTopic;
import jakarta.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payments forgets customers auth erased: on {@code user.deleted} their payments keep every amount and the ledger,
 * but no longer name them (nor open to their token), once; a malformed event is dead-lettered and later ones apply.
 */
class UserDeletedIT extends PaymentsApiTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String GROUP = "payments";

    private static EventTopic userEvents;

    @BeforeAll
    static void kafka() {
        userEvents = new EventTopic(platform, EventTopic.USER_EVENTS);
    }

    /** A captured and partly refunded payment of the customer, made as the orders service and support would. */
    private static String capturedPayment(String customer) throws InterruptedException {
        var created = create(intentBody(customer, 4200, "EUR", "pm_card_visa"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Api.json(created).getString("id");
        assertThat(capture(id, "{}").statusCode()).isEqualTo(200);
        assertThat(refund(id, 1000, "Damaged in transit").statusCode()).isEqualTo(201);
        awaitStatus(id, "partially_refunded", DEADLINE);
        return id;
    }

    private static JsonObject awaitPseudonymised(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        JsonObject payment = read(id);
        while (!payment.getString("customerId").startsWith("erased-") && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            payment = read(id);
        }
        assertThat(payment.getString("customerId")).as("pseudonymised").startsWith("erased-");
        return payment;
    }

    @Test
    void erasedCustomersPaymentsKeepTheirAmountsButNoLongerNameOrOpenToThem() throws Exception {
        String name = "erin-" + UUID.randomUUID();
        String subject = "sub-" + name;
        String other = "olga-" + UUID.randomUUID();
        String payment = capturedPayment(name);
        String othersPayment = capturedPayment(other);
        assertThat(api.get(INTENTS + "/" + payment, customer(name)).statusCode()).isEqualTo(200);
        var ledgerBefore = ledger(payment);

        userEvents.send(subject, EventTopic.userDeleted(subject).json());

        JsonObject erased = awaitPseudonymised(payment);
        assertThat(erased.getString("customerId")).doesNotContain(name);
        assertThat(erased.getJsonNumber("amountMinor").longValue()).isEqualTo(4200);
        assertThat(erased.getString("status")).isEqualTo("partially_refunded");
        assertThat(ledger(payment)).as("the ledger is kept").isEqualTo(ledgerBefore);
        assertThat(api.get(INTENTS + "/" + payment, customer(name)).statusCode()).as("their token").isEqualTo(404);
        assertThat(api.download(INTENTS + "/" + payment + "/invoice", customer(name), "application/pdf").statusCode())
                .isEqualTo(404);
        var invoice = api.download(INTENTS + "/" + payment + "/invoice", admin, "application/pdf");
        assertThat(invoice.statusCode()).as("the invoice is kept").isEqualTo(200);
        assertThat(count("SELECT count(*) FROM payment_intent WHERE id = ?::uuid AND payment_method_token = 'erased'",
                payment)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox WHERE payload::text LIKE '%' || ? || '%'", subject))
                .as("payment.events still in the outbox").isZero();
        assertThat(count("SELECT count(*) FROM idempotency_key WHERE position(convert_to(?, 'UTF8') IN response_body) > 0",
                subject)).as("stored responses").isZero();

        assertThat(read(othersPayment).getString("customerId")).isEqualTo("sub-" + other);
        assertThat(api.get(INTENTS + "/" + othersPayment, customer(other)).statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM payment_intent WHERE id = ?::uuid AND payment_method_token = 'pm_card_visa'",
                othersPayment)).isEqualTo(1);
    }

    @Test
    void redeliveredEventHasNoSecondEffect() throws Exception {
        String name = "dora-" + UUID.randomUUID();
        String subject = "sub-" + name;
        EventTopic.Envelope event = EventTopic.userDeleted(subject);
        String before = capturedPayment(name);
        userEvents.send(subject, event.json());
        String pseudonym = awaitPseudonymised(before).getString("customerId");

        // A payment created for the same id after the erasure is not the event's business.
        String after = capturedPayment(name);
        RecordMetadata redelivery = userEvents.send(subject, event.json());
        userEvents.awaitAcknowledged(GROUP, redelivery, DEADLINE);

        assertThat(read(after).getString("customerId")).as("untouched by the duplicate").isEqualTo(subject);
        assertThat(read(before).getString("customerId")).as("same pseudonym as before").isEqualTo(pseudonym);
        assertThat(count("SELECT count(*) FROM inbox WHERE event_id = ?", event.id())).isEqualTo(1);
    }

    @Test
    void malformedEventIsDeadLetteredAndLaterEventsStillApply() throws Exception {
        String name = "mallory-" + UUID.randomUUID();
        String subject = "sub-" + name;
        String payment = capturedPayment(name);
        String missingUser = EventTopic.userDeleted(subject).json().replace("\"userId\"", "\"someoneId\"");

        // Same key, so the same partition: the later event waits behind the malformed one.
        userEvents.send(subject, missingUser);
        userEvents.send(subject, EventTopic.userDeleted(subject).json());

        awaitPseudonymised(payment);
        ConsumerRecord<String, String> letter = userEvents
                .awaitDeadLetter(r -> missingUser.equals(r.value()), DEADLINE)
                .orElseThrow(() -> new AssertionError("no dead letter for the malformed event"));
        assertThat(letter.key()).isEqualTo(subject);
        assertThat(EventTopic.header(letter, "dlq-consumer")).isEqualTo("payments.user-erasure");
        assertThat(EventTopic.header(letter, "dlq-reason")).contains("userId");
    }
}
