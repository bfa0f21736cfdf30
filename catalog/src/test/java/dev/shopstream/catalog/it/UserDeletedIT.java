package dev.shopstream.catalog.it;

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
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog forgets users auth erased: a {@code user.deleted} on {@code user.events} anonymises the audit records
 * they left as staff, once, and a malformed event is dead-lettered without holding up the ones after it.
 */
class UserDeletedIT extends CatalogApiTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String GROUP = "catalog";

    private static EventTopic userEvents;

    @BeforeAll
    static void kafka() {
        userEvents = new EventTopic(platform, EventTopic.USER_EVENTS);
    }

    private record Staff(String name, String token) {
        String subject() {
            return "sub-" + name;
        }
    }

    private static Staff staff(String prefix) {
        String name = prefix + "-" + UUID.randomUUID();
        return new Staff(name, platform.tokens().token(name, "admin"));
    }

    /** Creates a product as the staff member and returns its audit record. */
    private static String createProduct(Staff staff) {
        var created = api.postJson("/api/products", Products.body("Audited " + staff.name(), 1500, "EUR"),
                staff.token());
        assertThat(created.statusCode()).isEqualTo(201);
        return Api.json(created).getString("id");
    }

    private static JsonObject auditRecord(String productId) {
        return Api.json(api.get("/api/audit?entityType=product&entityId=" + productId, admin))
                .getJsonArray("items").getJsonObject(0);
    }

    private static JsonObject awaitAudit(String productId, Predicate<JsonObject> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        JsonObject record = auditRecord(productId);
        while (!condition.test(record) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            record = auditRecord(productId);
        }
        return record;
    }

    private static boolean anonymised(JsonObject record) {
        return record.getString("actor").startsWith("erased-")
                && (!record.containsKey("actorSubject") || record.isNull("actorSubject"));
    }

    @Test
    void deletedUsersAuditRecordsAreKeptWithoutTheirNameAndOthersAreUntouched() throws Exception {
        Staff erased = staff("erin");
        Staff colleague = staff("bob");
        String erasedProduct = createProduct(erased);
        String colleagueProduct = createProduct(colleague);

        userEvents.send(erased.subject(), EventTopic.userDeleted(erased.subject()).json());

        JsonObject record = awaitAudit(erasedProduct, UserDeletedIT::anonymised);
        assertThat(anonymised(record)).as("anonymised: %s", record).isTrue();
        assertThat(record.getString("actor")).doesNotContain(erased.name());
        assertThat(record.getString("action")).isEqualTo("product.created");
        assertThat(record.getJsonObject("changes").getJsonObject("name").getString("to"))
                .isEqualTo("Audited " + erased.name());
        JsonObject untouched = auditRecord(colleagueProduct);
        assertThat(untouched.getString("actor")).isEqualTo(colleague.name());
        assertThat(untouched.getString("actorSubject")).isEqualTo(colleague.subject());
    }

    @Test
    void redeliveredEventHasNoSecondEffect() throws Exception {
        Staff erased = staff("dora");
        EventTopic.Envelope event = EventTopic.userDeleted(erased.subject());
        String before = createProduct(erased);
        userEvents.send(erased.subject(), event.json());
        awaitAudit(before, UserDeletedIT::anonymised);

        // Their token still works for a while after the erasure; what it does now is not the event's business.
        String after = createProduct(erased);
        RecordMetadata redelivery = userEvents.send(erased.subject(), event.json());
        userEvents.awaitAcknowledged(GROUP, redelivery, DEADLINE);

        assertThat(auditRecord(after).getString("actor")).as("untouched by the duplicate").isEqualTo(erased.name());
        try (var connection = platform.database();
             var count = connection.prepareStatement("SELECT count(*) FROM inbox WHERE event_id = ?")) {
            count.setString(1, event.id());
            try (var rows = count.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void malformedEventIsDeadLetteredAndLaterEventsStillApply() throws Exception {
        Staff erased = staff("mallory");
        String product = createProduct(erased);
        String garbage = "not a cloud event " + UUID.randomUUID();

        // Same key, so the same partition: the later event waits behind the malformed one.
        userEvents.send(erased.subject(), garbage);
        userEvents.send(erased.subject(), EventTopic.userDeleted(erased.subject()).json());

        assertThat(anonymised(awaitAudit(product, UserDeletedIT::anonymised))).as("later event applied").isTrue();
        ConsumerRecord<String, String> letter = userEvents.awaitDeadLetter(r -> garbage.equals(r.value()), DEADLINE)
                .orElseThrow(() -> new AssertionError("no dead letter for the malformed event"));
        assertThat(letter.key()).isEqualTo(erased.subject());
        assertThat(EventTopic.header(letter, "dlq-consumer")).isEqualTo("catalog.user-erasure");
        assertThat(EventTopic.header(letter, "dlq-reason")).contains("CloudEvents");
        assertThat(EventTopic.header(letter, "dlq-origin")).startsWith("user.events/");
    }
}
