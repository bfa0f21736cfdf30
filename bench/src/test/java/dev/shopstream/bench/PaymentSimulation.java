package dev.shopstream.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Payments with the sandbox provider (open model), against a running payments service:
 * <ul>
 *   <li>{@code paymentRate} (100) payments per second for {@code paymentDuration} seconds, each authorized
 *   ({@code POST /api/payments/intents}, a fresh Idempotency-Key) and captured at once; goal: the pair's p95 under
 *   50 ms;</li>
 *   <li>then signed {@code charge.captured} webhook events at {@code webhookRate} (500) per second for
 *   {@code webhookDuration} seconds, each sent twice, for payments authorized beforehand; goal: every event applied
 *   once and every repeat answered as a replay — 0 lost, 0 applied twice — checked after the run.</li>
 * </ul>
 * Settings as in {@link BenchSettings}: {@code payments.url} (http://localhost:9084), {@code payments.token} (a
 * bearer token with the {@code service} role, required: the orders service's token), {@code payments.webhookSecret}
 * (the sandbox's local demo secret by default). Start payments with the rate limiter raised
 * ({@code SHOPSTREAM_RATE_LIMIT_CAPACITY}, {@code SHOPSTREAM_RATE_LIMIT_REFILL_PER_SECOND}): every request comes from
 * one address and one token. Webhook events make the payments captured on our side only, so a later reconciliation of
 * the window reports them as gaps: run it against a disposable platform.
 */
public class PaymentSimulation extends Simulation {

    private static final String AUTHORIZE_AND_CAPTURE = "authorize+capture";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final URI payments = BenchSettings.url("payments.url", "http://localhost:9084");
    private final String token = BenchSettings.text("payments.token", null);
    private final String webhookSecret = BenchSettings.text("payments.webhookSecret",
            "whsec_local_demo_only_not_a_secret");
    private final double paymentRate = BenchSettings.number("paymentRate", 100, 1e-3);
    private final Duration paymentDuration = Duration.ofSeconds((long) BenchSettings.number("paymentDuration", 60, 1));
    private final double webhookRate = BenchSettings.number("webhookRate", 500, 1e-3);
    private final Duration webhookDuration = Duration.ofSeconds((long) BenchSettings.number("webhookDuration", 30, 1));
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> webhookPayments = new ArrayList<>();
    private final AtomicInteger nextEvent = new AtomicInteger();
    private final Map<String, String> outcomes = new ConcurrentHashMap<>();
    private final Map<String, String> replayOutcomes = new ConcurrentHashMap<>();

    private final ScenarioBuilder authorizeAndCapture = scenario("payments")
            .exec(session -> session.set("key", UUID.randomUUID().toString()).set("token", requiredToken()))
            .group(AUTHORIZE_AND_CAPTURE).on(
                    exec(http("authorize").post("/api/payments/intents")
                            .header("Authorization", "Bearer #{token}")
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", "#{key}")
                            .body(StringBody("{\"orderId\":\"bench-" + runId + "-#{key}\",\"customerId\":\"bench\","
                                    + "\"amountMinor\":4990,\"currency\":\"EUR\",\"paymentMethodToken\":\"pm_card_visa\"}"))
                            .check(status().is(201), jsonPath("$.status").is("requires_capture"),
                                    jsonPath("$.id").saveAs("paymentId")))
                    .exec(http("capture").post("/api/payments/intents/#{paymentId}/capture")
                            .header("Authorization", "Bearer #{token}")
                            .header("Content-Type", "application/json")
                            .body(StringBody("{}"))
                            .check(status().is(200), jsonPath("$.status").is("captured"))));

    private final ScenarioBuilder webhooks = scenario("webhooks")
            .exec(session -> {
                String[] event = nextEvent();
                return session.set("eventId", event[0]).set("body", event[1]).set("signature", sign(event[1]));
            })
            .exec(http("webhook").post("/api/payments/webhooks/sandbox")
                    .header("Content-Type", "application/json")
                    .header("Shopstream-Signature", "#{signature}")
                    .body(StringBody("#{body}"))
                    .check(status().is(200), jsonPath("$.outcome").saveAs("outcome")))
            .exec(session -> {
                outcomes.put(session.getString("eventId"), session.getString("outcome"));
                return session.set("signature", sign(session.getString("body")));
            })
            .exec(http("webhook repeated").post("/api/payments/webhooks/sandbox")
                    .header("Content-Type", "application/json")
                    .header("Shopstream-Signature", "#{signature}")
                    .body(StringBody("#{body}"))
                    .check(status().is(200), jsonPath("$.outcome").saveAs("outcome")))
            .exec(session -> {
                replayOutcomes.put(session.getString("eventId"), session.getString("outcome"));
                return session;
            });

    {
        setUp(authorizeAndCapture.injectOpen(constantUsersPerSec(paymentRate).during(paymentDuration))
                        .andThen(webhooks.injectOpen(constantUsersPerSec(webhookRate).during(webhookDuration))))
                .protocols(CatalogProtocol.of(payments))
                .assertions(global().failedRequests().count().is(0L),
                        details(AUTHORIZE_AND_CAPTURE).responseTime().percentile(95.0).lt(50));
    }

    @Override
    public void before() {
        long events = Math.round(webhookRate * webhookDuration.toSeconds());
        for (long i = 0; i < events; i++) {
            webhookPayments.add(authorize());
        }
    }

    @Override
    public void after() {
        long applied = outcomes.values().stream().filter("applied"::equals).count();
        long replayed = replayOutcomes.values().stream().filter("replayed"::equals).count();
        long lost = outcomes.size() - applied;
        long appliedTwice = replayOutcomes.size() - replayed;
        System.out.printf("webhooks: %d events, %d applied, %d lost, %d applied twice%n", outcomes.size(), applied,
                lost, appliedTwice);
        if (lost > 0 || appliedTwice > 0) {
            throw new IllegalStateException("Webhook ingestion lost " + lost + " and applied " + appliedTwice
                    + " events twice");
        }
    }

    /** The next event: a capture of the next prepared payment, as the sandbox would describe it. */
    private String[] nextEvent() {
        int index = nextEvent.getAndIncrement() % webhookPayments.size();
        String paymentId = webhookPayments.get(index);
        String eventId = "evt_bench_" + runId + "_" + index;
        String body = "{\"id\":\"" + eventId + "\",\"type\":\"charge.captured\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"data\":{\"charge\":{\"id\":\"ch_bench\","
                + "\"idempotencyKey\":\"" + paymentId + "\",\"status\":\"captured\",\"amountMinor\":4990,"
                + "\"currency\":\"EUR\",\"capturedMinor\":4990,\"refundedMinor\":0}}}";
        return new String[]{eventId, body};
    }

    /** Authorizes one payment outside the measurement; returns its id. */
    private String authorize() {
        String key = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(payments.resolve("/api/payments/intents"))
                .header("Authorization", "Bearer " + requiredToken())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"orderId\":\"bench-" + runId + "-" + key + "\","
                        + "\"customerId\":\"bench\",\"amountMinor\":4990,\"currency\":\"EUR\","
                        + "\"paymentMethodToken\":\"pm_card_visa\"}"))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher id = ID.matcher(response.body());
            if (response.statusCode() != 201 || !id.find()) {
                throw new IllegalStateException("Could not authorize a payment (" + response.statusCode() + "): "
                        + response.body());
            }
            return id.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Payments at " + payments + " is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String sign(String body) {
        try {
            long timestamp = Instant.now().getEpochSecond();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private String requiredToken() {
        if (token == null) {
            throw new IllegalStateException("Pass a bearer token with the service role: -Dpayments.token=...");
        }
        return token;
    }
}
