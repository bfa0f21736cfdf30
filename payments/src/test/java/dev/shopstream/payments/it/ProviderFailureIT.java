package dev.shopstream.payments.it;

import dev.shopstream.testkit.Api;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provider calls after authorization that get no answer. A timed-out capture, void or refund may have happened: the
 * payment lists it as pending, the resolver settles it from the provider's record, and the money moves once. A
 * provider that keeps failing opens the circuit: the API then answers 503 at once without calling it, and calls it
 * again after the breaker's delay. (Declined authorizations: {@link PaymentLifecycleIT}; lost authorization answers:
 * {@link ResolverIT}.)
 */
class ProviderFailureIT extends PaymentsApiTest {

    /** Longer than anything here should take: slow answers (8 s), resolver grace (5 s), breaker delay (5 s). */
    private static final Duration SETTLED = Duration.ofSeconds(90);

    @Test
    void timedOutCaptureIsPendingThenSettledFromTheProvidersRecordAndCapturedOnce() throws Exception {
        // The sandbox captures at once, but answers (and sends its webhook) only after 8 s: beyond the 3 s timeout.
        String id = payment(6000, "pm_card_slow_capture").getString("id");

        HttpResponse<String> answer = capture(id, "{}");

        assertNoAnswer(answer);
        JsonObject pending = read(id);
        assertThat(pending.getString("status")).isEqualTo("requires_capture");
        assertThat(pending.getJsonArray("pendingOperations")).hasSize(1);
        assertThat(pending.getJsonArray("pendingOperations").getJsonObject(0).getString("operation"))
                .isEqualTo("capture");
        assertThat(pending.getJsonArray("pendingOperations").getJsonObject(0).getJsonNumber("amountMinor")
                .longValue()).isEqualTo(6000);
        assertThat(ledger(id)).containsExactly("authorize:6000");

        JsonObject settled = awaitSettled(id, "captured");

        assertThat(settled.getJsonNumber("capturedMinor").longValue()).isEqualTo(6000);
        awaitWebhooksDelivered(id);
        assertThat(ledger(id)).containsExactly("authorize:6000", "capture:6000");
        assertThat(count("SELECT count(*) FROM sandbox_charge WHERE idempotency_key = ? AND status = 'captured' "
                + "AND captured_minor = 6000", id)).isEqualTo(1);
        assertThat(read(id).getJsonArray("pendingOperations")).isEmpty();
    }

    @Test
    void timedOutVoidIsPendingThenSettledFromTheProvidersRecord() throws Exception {
        String id = payment(4000, "pm_card_slow_void").getString("id");

        assertNoAnswer(voidPayment(id));

        JsonObject pending = read(id);
        assertThat(pending.getString("status")).isEqualTo("requires_capture");
        assertThat(pending.getJsonArray("pendingOperations").getJsonObject(0).getString("operation"))
                .isEqualTo("void");
        awaitSettled(id, "voided");
        awaitWebhooksDelivered(id);
        assertThat(ledger(id)).containsExactly("authorize:4000", "void:4000");
        assertThat(count("SELECT count(*) FROM sandbox_charge WHERE idempotency_key = ? AND status = 'canceled'", id))
                .isEqualTo(1);
        assertProblem(capture(id, "{}"), 409, "conflict");
    }

    @Test
    void timedOutRefundIsPendingThenSettledAndARetryWithTheSameKeyRefundsOnce() throws Exception {
        String id = payment(5000, "pm_card_slow_refund").getString("id");
        assertThat(Api.json(capture(id, "{}")).getString("status")).isEqualTo("captured");
        String key = UUID.randomUUID().toString();
        String body = "{\"amountMinor\":1500,\"reason\":\"late delivery\"}";

        assertNoAnswer(refundWithKey(id, body, key));

        JsonObject pending = read(id);
        assertThat(pending.getString("status")).isEqualTo("captured");
        assertThat(pending.getJsonArray("refunds")).isEmpty();
        assertThat(pending.getJsonArray("pendingOperations").getJsonObject(0).getString("operation"))
                .isEqualTo("refund");
        JsonObject settled = awaitSettled(id, "partially_refunded");
        assertThat(settled.getJsonNumber("refundedMinor").longValue()).isEqualTo(1500);

        // The caller retries as the 503 told it to: the provider replays its refund for that key, nothing more.
        HttpResponse<String> retried = refundWithKey(id, body, key);

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(Api.json(retried).getJsonArray("refunds")).hasSize(1);
        awaitWebhooksDelivered(id);
        assertThat(ledger(id)).containsExactly("authorize:5000", "capture:5000", "refund:1500");
        assertThat(count("SELECT count(*) FROM sandbox_refund r JOIN sandbox_charge c ON c.id = r.charge_id "
                + "WHERE c.idempotency_key = ?", id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sandbox_charge WHERE idempotency_key = ? AND refunded_minor = 1500",
                id)).isEqualTo(1);
        assertThat(read(id).getJsonArray("pendingOperations")).isEmpty();
    }

    @Test
    void openCircuitAnswersAtOnceWithoutCallingTheProviderAndClosesAfterItsDelay() throws Exception {
        String healthy = payment(3000, "pm_card_visa").getString("id");
        // Every capture of pm_card_outage fails at the provider before anything changes. Each API call makes three
        // failing attempts (two retries), so seven calls fill the breaker's window of 20 calls with failures.
        for (int call = 0; call < 7; call++) {
            String failing = payment(1000, "pm_card_outage").getString("id");
            assertNoAnswer(capture(failing, "{}"));
            assertThat(read(failing).getJsonArray("pendingOperations")).as("a provider not reached did nothing")
                    .isEmpty();
        }

        Instant asked = Instant.now();
        HttpResponse<String> refused = capture(healthy, "{}");
        Duration took = Duration.between(asked, Instant.now());

        assertNoAnswer(refused);
        assertThat(took).as("answered without waiting for the provider's timeout").isLessThan(Duration.ofSeconds(3));
        assertThat(count("SELECT count(*) FROM sandbox_charge WHERE idempotency_key = ? AND status = 'authorized'",
                healthy)).as("the provider was not called").isEqualTo(1);
        assertThat(read(healthy).getJsonArray("pendingOperations")).isEmpty();
        assertThat(ledger(healthy)).containsExactly("authorize:3000");

        // After the breaker's delay (5 s) a trial call goes through, succeeds, and closes the circuit.
        Instant deadline = Instant.now().plus(SETTLED);
        HttpResponse<String> captured = capture(healthy, "{}");
        while (captured.statusCode() == 503 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            captured = capture(healthy, "{}");
        }
        assertThat(captured.statusCode()).as(captured.body()).isEqualTo(200);
        assertThat(Api.json(captured).getString("status")).isEqualTo("captured");
        assertThat(ledger(healthy)).containsExactly("authorize:3000", "capture:3000");
        String next = payment(2000, "pm_card_visa").getString("id");
        assertThat(Api.json(capture(next, "{}")).getString("status")).isEqualTo("captured");
    }

    private static void assertNoAnswer(HttpResponse<String> answer) {
        assertProblem(answer, 503, "service-unavailable");
        assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
    }

    private static HttpResponse<String> refundWithKey(String id, String body, String key) {
        return api.postJson(INTENTS + "/" + id + "/refunds", body, support, "Idempotency-Key", key);
    }

    /** Polls until the payment has {@code status} and nothing pending; fails after {@link #SETTLED}. */
    private static JsonObject awaitSettled(String id, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(SETTLED);
        JsonObject payment = awaitStatus(id, status, SETTLED);
        while (!payment.getJsonArray("pendingOperations").isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Payment " + id + " still has pending operations: " + payment);
            }
            Thread.sleep(200);
            payment = read(id);
        }
        return payment;
    }

    /** Waits until the sandbox has delivered every webhook about the payment, so late reports are in the books. */
    private static void awaitWebhooksDelivered(String id) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(SETTLED);
        while (count("SELECT count(*) FROM sandbox_webhook_delivery WHERE delivered_at IS NULL AND payload LIKE ?",
                "%\"idempotencyKey\":\"" + id + "\"%") > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The sandbox still owes webhooks about payment " + id);
            }
            Thread.sleep(200);
        }
    }
}
