package dev.shopstream.payments.it;

import dev.shopstream.testkit.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciliation batch job finds every kind of gap between our ledger and the provider's records. The
 * provider's side is made to disagree by editing the sandbox's own records, as a provider-side incident would.
 */
class ReconciliationIT extends PaymentsApiTest {

    private static final String RECONCILIATIONS = "/api/payments/reconciliations";

    @Test
    void gapsOnEitherSideAreFoundRecordedAndAnnouncedOnce() throws Exception {
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        String agreeing = payment(1000, "pm_card_visa").getString("id");
        capture(agreeing, "{}");
        String underCaptured = payment(2000, "pm_card_visa").getString("id");
        capture(underCaptured, "{}");
        String cancelledAtProvider = payment(3000, "pm_card_visa").getString("id");
        String strayCharge = "ch_stray_" + UUID.randomUUID().toString().substring(0, 8);
        String unknownToProvider = UUID.randomUUID().toString();
        sql("UPDATE sandbox_charge SET captured_minor = 1500 WHERE idempotency_key = '" + underCaptured + "'");
        sql("UPDATE sandbox_charge SET status = 'canceled' WHERE idempotency_key = '" + cancelledAtProvider + "'");
        sql("INSERT INTO sandbox_charge (id, idempotency_key, amount_minor, currency, status) VALUES ('" + strayCharge
                + "', 'not-ours-" + UUID.randomUUID() + "', 777, 'EUR', 'authorized')");
        sql("INSERT INTO payment_intent (id, order_id, customer_id, amount_minor, currency, status, provider, "
                + "payment_method_token, created_at, updated_at) VALUES ('" + unknownToProvider + "', 'order-lost', "
                + "'sub-carol', 400, 'EUR', 'failed', 'sandbox', 'pm_card_visa', now(), now())");
        OffsetDateTime to = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1);

        JsonObject run = awaitCompleted(start(from, to));

        List<JsonObject> gaps = gapsOf(run.getJsonNumber("id").longValue());
        assertThat(gaps).noneMatch(gap -> agreeing.equals(gap.getString("paymentId", null)));
        assertThat(gaps).anySatisfy(gap -> {
            assertThat(gap.getString("kind")).isEqualTo("amount_mismatch");
            assertThat(gap.getString("paymentId")).isEqualTo(underCaptured);
            assertThat(gap.getString("ledgerValue")).isEqualTo("captured=2000");
            assertThat(gap.getString("providerValue")).isEqualTo("captured=1500");
        });
        assertThat(gaps).anySatisfy(gap -> {
            assertThat(gap.getString("kind")).isEqualTo("status_mismatch");
            assertThat(gap.getString("paymentId")).isEqualTo(cancelledAtProvider);
        });
        assertThat(gaps).anySatisfy(gap -> {
            assertThat(gap.getString("kind")).isEqualTo("missing_in_ledger");
            assertThat(gap.getString("providerReference")).isEqualTo(strayCharge);
        });
        assertThat(gaps).anySatisfy(gap -> {
            assertThat(gap.getString("kind")).isEqualTo("missing_at_provider");
            assertThat(gap.getString("paymentId")).isEqualTo(unknownToProvider);
        });
        assertThat(gapFoundEvents(underCaptured)).isEqualTo(1);

        JsonObject again = awaitCompleted(start(from, to));
        assertThat(again.getInt("gapsFound")).as("gaps are recorded once").isZero();
        assertThat(api.get("/metrics?scope=application", null).body()).contains("payments_reconciliation_gaps_total");
    }

    @Test
    void onlyAdminsStartRunsAndWindowsAreBounded() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String window = window(now.minusDays(40), now);

        assertProblem(api.postJson(RECONCILIATIONS, window(now.minusHours(1), now), support), 403, "forbidden");
        assertProblem(api.postJson(RECONCILIATIONS, window, admin), 422, "unprocessable");
        assertProblem(api.postJson(RECONCILIATIONS, window(now, now.minusHours(1)), admin), 422, "unprocessable");
        assertProblem(api.postJson(RECONCILIATIONS, "{\"from\":\"yesterday\"}", admin), 400, "malformed-request");
        assertProblem(api.get(RECONCILIATIONS + "/gaps?kind=odd", support), 400, "validation-failed");
        assertProblem(api.get(RECONCILIATIONS + "/gaps", customer("carol")), 403, "forbidden");
    }

    private static String window(OffsetDateTime from, OffsetDateTime to) {
        return Json.createObjectBuilder().add("from", from.toString()).add("to", to.toString()).build().toString();
    }

    private static long start(OffsetDateTime from, OffsetDateTime to) {
        HttpResponse<String> started = api.postJson(RECONCILIATIONS, window(from, to), admin);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return Api.json(started).getJsonNumber("id").longValue();
    }

    private static JsonObject awaitCompleted(long runId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonObject run = Api.json(api.get(RECONCILIATIONS + "/" + runId, support));
            if (run.getString("status").equals("completed")) {
                return run;
            }
            assertThat(run.getString("status")).isNotEqualTo("failed");
            Thread.sleep(250);
        }
        throw new AssertionError("Reconciliation run " + runId + " did not complete");
    }

    private static List<JsonObject> gapsOf(long runId) {
        JsonObject page = Api.json(api.get(RECONCILIATIONS + "/gaps?limit=200&runId=" + runId, support));
        return page.getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
    }

    private static long gapFoundEvents(String paymentId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("payment.events"));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            long found = 0;
            while (found == 0 && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonObject event = Json.createReader(new StringReader(record.value())).readObject();
                    if (paymentId.equals(record.key())
                            && event.getString("type").equals("dev.shopstream.payments.reconciliation.gap-found")) {
                        assertThat(event.getJsonObject("data").getString("kind")).isEqualTo("amount_mismatch");
                        found++;
                    }
                }
            }
            return found;
        }
    }

    private static void sql(String statement) throws SQLException {
        try (var connection = platform.database(); var update = connection.createStatement()) {
            update.executeUpdate(statement);
        }
    }
}
