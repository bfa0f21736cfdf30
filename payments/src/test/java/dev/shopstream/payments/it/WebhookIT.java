package dev.shopstream.payments.it;

import dev.shopstream.testkit.Api;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.shopstream.testkit.Problems.fields;
import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provider webhooks: verified, applied once, in the payment's own order. Events are signed here independently of
 * the service's code, with the secret the test platform configured.
 */
class WebhookIT extends PaymentsApiTest {

    private static final String WEBHOOKS = "/api/payments/webhooks/sandbox";
    /** Events the receiver processes at once (WebhookAdmission). */
    private static final int WEBHOOKS_IN_PROGRESS = 12;
    /** Events sent at once at a full receiver. */
    private static final int FLOOD = 100;

    @Test
    void signedCaptureEventCapturesThePayment() throws Exception {
        String id = payment(5000, "pm_card_visa").getString("id");

        HttpResponse<String> response = deliver(event(id, "charge.captured", "captured", 5000, 0, null, 0));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Api.json(response).getString("outcome")).isEqualTo("applied");
        assertThat(read(id).getString("status")).isEqualTo("captured");
        assertThat(ledger(id)).containsExactly("authorize:5000", "capture:5000");
    }

    /**
     * The receiver takes 12 events at a time. Twelve events for a payment whose row this test holds locked fill it;
     * a flood of 100 more sent at once is answered 503 with Retry-After, every one of them while the twelve are still
     * held, so a refusal never waits for work in progress; the same event sent again after the lock is gone is
     * acknowledged: a provider's resend loses nothing. The slowest refusal's time is printed, not asserted.
     */
    @Test
    void fullReceiverRefusesAFloodAtOnceAndTheResentEventIsAcknowledged() throws Exception {
        String id = payment(5000, "pm_card_visa").getString("id");
        // The sandbox's own deliveries (this payment's, or other tests') would take places in the bulkhead too.
        awaitCount("SELECT count(*) FROM sandbox_webhook_delivery WHERE delivered_at IS NULL "
                + "AND deliver_after < now() + interval '10 seconds'", 0);
        ExecutorService senders = Executors.newFixedThreadPool(WEBHOOKS_IN_PROGRESS + FLOOD);
        try (Connection locker = platform.database()) {
            locker.setAutoCommit(false);
            try (var lock = locker.prepareStatement("SELECT 1 FROM payment_intent WHERE id = ?::uuid FOR UPDATE")) {
                lock.setString(1, id);
                lock.executeQuery().close();
            }
            List<Future<HttpResponse<String>>> held = new ArrayList<>();
            for (int i = 0; i < WEBHOOKS_IN_PROGRESS; i++) {
                String event = event(id, "charge.captured", "captured", 5000, 0, null, 0);
                held.add(senders.submit(() -> deliver(event)));
            }
            awaitCount("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND wait_event_type = 'Lock' AND query ILIKE '%payment_intent%'", WEBHOOKS_IN_PROGRESS);
            String refused = event(id, "charge.captured", "captured", 5000, 0, null, 0);
            List<Future<HttpResponse<String>>> flood = new ArrayList<>();
            long floodStarted = System.nanoTime();
            for (int i = 0; i < FLOOD; i++) {
                flood.add(senders.submit(() -> deliver(refused)));
            }

            for (Future<HttpResponse<String>> answer : flood) {
                HttpResponse<String> busy = answer.get(30, TimeUnit.SECONDS);
                assertProblem(busy, 503, "service-unavailable");
                assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
            }
            System.out.printf("WebhookIT: %d webhooks refused by a full receiver, the last answer %.1f ms after the "
                    + "first send%n", FLOOD, (System.nanoTime() - floodStarted) / 1e6);
            assertThat(held).noneMatch(Future::isDone);
            locker.rollback();
            for (Future<HttpResponse<String>> answer : held) {
                assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> resent = deliver(refused);
            assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
            assertThat(Api.json(resent).getString("outcome")).isEqualTo("ignored");
        } finally {
            senders.shutdownNow();
        }
        assertThat(ledger(id)).containsExactly("authorize:5000", "capture:5000");
    }

    @Test
    void replayedEventIsAcknowledgedAndIgnored() throws Exception {
        String id = payment(5000, "pm_card_visa").getString("id");
        String event = event(id, "charge.captured", "captured", 4000, 0, null, 0);
        deliver(event);

        HttpResponse<String> replay = deliver(event);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(Api.json(replay).getString("outcome")).isEqualTo("replayed");
        assertThat(ledger(id)).containsExactly("authorize:5000", "capture:4000", "void:1000");
    }

    @Test
    void lateAuthorizationAfterCaptureChangesNothing() throws Exception {
        String id = payment(5000, "pm_card_visa").getString("id");
        capture(id, "{}");

        HttpResponse<String> late = deliver(event(id, "charge.authorized", "authorized", 0, 0, null, 0));

        assertThat(Api.json(late).getString("outcome")).isEqualTo("ignored");
        assertThat(read(id).getString("status")).isEqualTo("captured");
        assertThat(ledger(id)).containsExactly("authorize:5000", "capture:5000");
    }

    @Test
    void eventsArrivingOutOfOrderAreAppliedOnceInThePaymentsOrder() throws Exception {
        String id = payment(5000, "pm_card_visa").getString("id");
        String refundEvent = event(id, "charge.refunded", "captured", 5000, 1500, "re_" + UUID.randomUUID(), 1500);

        // The refund's event overtakes the capture's: its charge carries the capture, which is applied first.
        assertThat(Api.json(deliver(refundEvent)).getString("outcome")).isEqualTo("applied");
        assertThat(Api.json(deliver(event(id, "charge.captured", "captured", 5000, 0, null, 0))).getString("outcome"))
                .isEqualTo("ignored");
        assertThat(Api.json(deliver(event(id, "charge.authorized", "authorized", 0, 0, null, 0))).getString("outcome"))
                .isEqualTo("ignored");

        assertThat(read(id).getString("status")).isEqualTo("partially_refunded");
        assertThat(ledger(id)).containsExactly("authorize:5000", "capture:5000", "refund:1500");
    }

    @Test
    void sameRefundUnderAnotherEventIdIsRecordedOnce() throws Exception {
        String id = payment(5000, "pm_card_visa").getString("id");
        String refundId = "re_" + UUID.randomUUID();

        deliver(event(id, "charge.refunded", "captured", 5000, 700, refundId, 700));
        HttpResponse<String> again = deliver(event(id, "charge.refunded", "captured", 5000, 700, refundId, 700));

        assertThat(Api.json(again).getString("outcome")).isEqualTo("ignored");
        assertThat(ledger(id)).containsExactly("authorize:5000", "capture:5000", "refund:700");
    }

    @Test
    void forgedSignatureIsRejectedAndCounted() throws Exception {
        String id = payment(5000, "pm_card_visa").getString("id");
        String body = event(id, "charge.captured", "captured", 5000, 0, null, 0);
        double before = rejectedCount();

        HttpResponse<String> forged = deliver(body, sign(body, Instant.now(), "whsec_guessed"));

        assertProblem(forged, 400, "validation-failed");
        assertThat(fields(Api.json(forged))).containsExactly("Shopstream-Signature");
        assertThat(rejectedCount()).isEqualTo(before + 1);
        assertThat(read(id).getString("status")).isEqualTo("requires_capture");
    }

    @Test
    void tamperedBodyIsRejected() throws Exception {
        String id = payment(5000, "pm_card_visa").getString("id");
        String body = event(id, "charge.captured", "captured", 100, 0, null, 0);
        String signature = sign(body, Instant.now(), PaymentsPlatform.WEBHOOK_SECRET);

        assertProblem(deliver(body.replace("\"capturedMinor\":100", "\"capturedMinor\":5000"), signature), 400,
                "validation-failed");
        assertThat(ledger(id)).containsExactly("authorize:5000");
    }

    @Test
    void staleTimestampIsRejected() throws Exception {
        String id = payment(5000, "pm_card_visa").getString("id");
        String body = event(id, "charge.captured", "captured", 5000, 0, null, 0);

        HttpResponse<String> stale = deliver(body,
                sign(body, Instant.now().minus(Duration.ofMinutes(6)), PaymentsPlatform.WEBHOOK_SECRET));

        assertProblem(stale, 400, "validation-failed");
        assertThat(read(id).getString("status")).isEqualTo("requires_capture");
    }

    @Test
    void missingSignatureIsRejected() {
        HttpResponse<String> response = api.send(api.request(WEBHOOKS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertProblem(response, 400, "validation-failed");
    }

    @Test
    void eventAboutAnUnknownPaymentIsAcknowledged() throws Exception {
        String unknown = UUID.randomUUID().toString();
        String eventId = "evt_" + UUID.randomUUID();
        String body = eventBody(eventId, "charge.authorized", "ch_unknown", unknown, "authorized", 0, 0, null, 0);

        HttpResponse<String> response = deliver(body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.json(response).getString("outcome")).isEqualTo("unknown-intent");
        assertThat(count("SELECT count(*) FROM webhook_event WHERE event_id = ? AND outcome = 'unknown-intent'",
                eventId)).isEqualTo(1);
    }

    @Test
    void stripeEventsAreVerifiedWithStripesSchemeInTheServer() {
        String body = """
                {"id": "evt_%s", "object": "event", "api_version": "%s", "created": %d, "type": "refund.created",
                 "data": {"object": {"id": "re_1", "object": "refund", "amount": 700, "payment_intent": "pi_nobody",
                                     "status": "succeeded"}}}""".formatted(UUID.randomUUID(), com.stripe.Stripe.API_VERSION,
                Instant.now().getEpochSecond());
        String signature = sign(body, Instant.now(), PaymentsPlatform.WEBHOOK_SECRET);

        HttpResponse<String> accepted = api.send(api.request("/api/payments/webhooks/stripe")
                .header("Content-Type", "application/json").header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> forged = api.send(api.request("/api/payments/webhooks/stripe")
                .header("Content-Type", "application/json").header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("700", "7000"))));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(Api.json(accepted).getString("outcome")).isEqualTo("unknown-intent");
        assertProblem(forged, 400, "validation-failed");
        assertThat(fields(Api.json(forged))).containsExactly("Stripe-Signature");
    }

    @Test
    void unknownProviderIsNotFound() {
        assertProblem(api.postJson("/api/payments/webhooks/acme", "{}", null), 404, "not-found");
    }

    @Test
    void sandboxDeliversEachEventTwiceAndOutOfOrderYetEachIsAppliedOnce() throws Exception {
        String id = payment(6000, "pm_card_visa").getString("id");
        capture(id, "{\"amountMinor\":6000}");
        refund(id, 1000, "first");
        refund(id, 2000, "second");
        String charge = providerReference(id);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (count("SELECT count(*) FROM sandbox_webhook_delivery WHERE payload LIKE '%' || ? || '%' "
                + "AND delivered_at IS NULL", charge) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }

        // authorized, captured and two refunded events, each delivered twice. The payment already knew of the
        // authorization and the capture, so their events were ignored without a record; each refund's was recorded
        // once.
        assertThat(count("SELECT count(*) FROM sandbox_webhook_delivery WHERE payload LIKE '%' || ? || '%' "
                + "AND delivered_at IS NOT NULL", charge)).isEqualTo(8);
        assertThat(count("SELECT count(*) FROM webhook_event WHERE intent_id = ?::uuid", id)).isEqualTo(2);
        assertThat(read(id).getString("status")).isEqualTo("partially_refunded");
        assertThat(ledger(id)).containsExactly("authorize:6000", "capture:6000", "refund:1000", "refund:2000");
    }

    private static String event(String intentId, String type, String status, long captured, long refunded,
                                String refundId, long refundAmount) throws Exception {
        return eventBody("evt_" + UUID.randomUUID(), type, providerReference(intentId), intentId, status, captured,
                refunded, refundId, refundAmount);
    }

    private static String eventBody(String eventId, String type, String chargeId, String intentId, String status,
                                    long captured, long refunded, String refundId, long refundAmount) {
        JsonObjectBuilder data = Json.createObjectBuilder().add("charge", Json.createObjectBuilder()
                .add("id", chargeId).add("idempotencyKey", intentId).add("status", status)
                .add("amountMinor", 5000).add("currency", "EUR")
                .add("capturedMinor", captured).add("refundedMinor", refunded));
        if (refundId != null) {
            data.add("refund", Json.createObjectBuilder().add("id", refundId).add("amountMinor", refundAmount));
        }
        return Json.createObjectBuilder().add("id", eventId).add("type", type)
                .add("created", Instant.now().getEpochSecond()).add("data", data).build().toString();
    }

    private static HttpResponse<String> deliver(String body) {
        return deliver(body, sign(body, Instant.now(), PaymentsPlatform.WEBHOOK_SECRET));
    }

    private static HttpResponse<String> deliver(String body, String signature) {
        return api.send(api.request(WEBHOOKS).header("Content-Type", "application/json")
                .header("Shopstream-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String sign(String body, Instant at, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signed = at.getEpochSecond() + "." + body;
            return "t=" + at.getEpochSecond() + ",v1="
                    + HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double rejectedCount() {
        String metrics = api.get("/metrics?scope=application", null).body();
        return metrics.lines().filter(line -> line.startsWith("payments_webhooks_rejected_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** Waits (up to 30 s) until the count {@code sql} selects is {@code expected}. */
    private static void awaitCount(String sql, long expected) throws Exception {
        Instant until = Instant.now().plusSeconds(30);
        long count = count(sql, null);
        while (count != expected) {
            assertThat(Instant.now()).as("%s: %d, waiting for %d", sql, count, expected).isBefore(until);
            Thread.sleep(50);
            count = count(sql, null);
        }
    }
}
