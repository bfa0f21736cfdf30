package dev.shopstream.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
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
 *   <li>a warm-up: the same payments at {@code paymentRate} for {@code paymentWarmUp} (15) seconds, silent (outside
 *   the statistics), then a wait for quiet; without it the load generator's own HTTP engine, which the setup does
 *   not use, compiled during the first seconds of the measured phase on the same two cores;</li>
 *   <li>{@code paymentRate} (100) payments per second for {@code paymentDuration} (60) seconds, each authorized
 *   ({@code POST /api/payments/intents}, a fresh Idempotency-Key) and captured at once; goal: the pair's p95 under
 *   {@code paymentP95Goal} (250) ms, issue 21's floor on this machine. The sandbox's own webhooks for these
 *   payments (authorized, captured) reach the service meanwhile, as a real provider's would: they are part of the
 *   measured load;</li>
 *   <li>then, once the service is quiet again (see below), signed {@code charge.captured} webhook events offered at
 *   {@code webhookRate} (210) per second for {@code webhookDuration} (30) seconds, each sent twice, for payments
 *   authorized beforehand; goals: at least {@code webhookGoal} (200) events/s achieved, from the first send to the
 *   last answer (the offered rate is 5 % above it, so an open model can show the goal met); every first send
 *   answered {@code applied} and every repeat {@code replayed}; afterwards every one of those payments is read back
 *   and must be captured: 0 lost, 0 applied twice.</li>
 * </ul>
 * Before measuring, {@link #before()} authorizes the webhook phase's payments with {@code setupConcurrency} (12)
 * requests in flight, then waits until the service is quiet: its outbox published and the sandbox's webhooks for
 * those authorizations received ({@code /metrics}), so no backlog of the setup spills into the measured phases.
 * Between the two phases one silent user waits the same way for the first phase's backlog (at most
 * {@code quietTimeout}).
 * Settings as in {@link BenchSettings}: {@code payments.url} (http://localhost:9084), {@code token.url} (the local
 * realm's token endpoint), {@code payments.client} / {@code payments.clientSecret} (the orders service's client,
 * local demo secret: a client credentials token with the {@code service} role, renewed before it expires),
 * {@code payments.webhookSecret} (the sandbox's local demo secret), {@code quietTimeout} (300 s). Start payments with
 * the rate limiter raised: every request comes from one address and one token. Webhook events make the payments
 * captured on our side only, so a later reconciliation of the window reports them as gaps: use a disposable platform.
 */
public class PaymentSimulation extends Simulation {

    private static final String AUTHORIZE_AND_CAPTURE = "authorize+capture";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z_]+)\"");
    private static final Pattern OUTBOX_PENDING =
            Pattern.compile("(?m)^outbox_pending(?:\\{[^}]*})?\\s+([0-9.eE+-]+)$");
    private static final Pattern SANDBOX_WEBHOOKS = Pattern.compile(
            "(?m)^payments_webhooks_received_total\\{([^}]*provider=\"sandbox\"[^}]*)}\\s+([0-9.eE+-]+)$");
    /** Outcomes of webhook sends that got no answer (failed request, no JSON): counted, never hidden. */
    private static final String NO_ANSWER = "no answer";
    /** Outcome of a webhook send the receiver turned away while full (503 + Retry-After): the sender resends. */
    private static final String REFUSED = "refused (503)";

    private final URI payments = BenchSettings.url("payments.url", "http://localhost:9084");
    private final KeycloakToken token = KeycloakToken.clientCredentials(
            BenchSettings.url("token.url", "http://localhost:8180/realms/shopstream/protocol/openid-connect/token"),
            BenchSettings.text("payments.client", "shopstream-orders"),
            BenchSettings.text("payments.clientSecret", "local-demo-only-orders-secret"));
    private final String webhookSecret = BenchSettings.text("payments.webhookSecret",
            "whsec_local_demo_only_not_a_secret");
    private final double paymentRate = BenchSettings.number("paymentRate", 100, 1e-3);
    private final Duration paymentDuration = Duration.ofSeconds((long) BenchSettings.number("paymentDuration", 60, 1));
    private final int paymentP95Goal = (int) BenchSettings.number("paymentP95Goal", 250, 1);
    private final Duration paymentWarmUp = Duration.ofSeconds((long) BenchSettings.number("paymentWarmUp", 15, 1));
    private final double webhookRate = BenchSettings.number("webhookRate", 210, 1e-3);
    private final double webhookGoal = BenchSettings.number("webhookGoal", 200, 0);
    private final Duration webhookDuration = Duration.ofSeconds((long) BenchSettings.number("webhookDuration", 30, 1));
    private final int setupConcurrency = (int) BenchSettings.number("setupConcurrency", 12, 1);
    private final Duration quietTimeout = Duration.ofSeconds((long) BenchSettings.number("quietTimeout", 300, 1));
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** One payment per webhook event, with a margin: Gatling's open model may start a few more users than rate × s. */
    private final List<String> webhookPayments = new ArrayList<>();
    private final AtomicInteger nextEvent = new AtomicInteger();
    private final AtomicInteger unprepared = new AtomicInteger();
    private final AtomicLong authorizedInPhase = new AtomicLong();
    private final AtomicLong capturedInPhase = new AtomicLong();
    private final AtomicLong firstSendNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastSendNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong lastAnswerNanos = new AtomicLong(Long.MIN_VALUE);
    private final Map<String, String> outcomes = new ConcurrentHashMap<>();
    private final Map<String, String> replayOutcomes = new ConcurrentHashMap<>();
    private volatile double sandboxWebhooksExpected;
    private final CostMeter cost = CostMeter.start(getClass().getSimpleName());

    private final ScenarioBuilder warmUp = payments("warm-up", false);
    private final ScenarioBuilder authorizeAndCapture = payments("payments", true);
    private final ScenarioBuilder quietAfterWarmUp = quietWait("quiet before measuring");
    private final ScenarioBuilder quiet = quietWait("quiet between the phases");

    private final ScenarioBuilder webhooks = scenario("webhooks")
            .exec(session -> {
                String[] event = nextEvent();
                if (event == null) {
                    unprepared.incrementAndGet();
                    return session.markAsFailed();
                }
                long now = System.nanoTime();
                firstSendNanos.accumulateAndGet(now, Math::min);
                lastSendNanos.accumulateAndGet(now, Math::max);
                return session.set("eventId", event[0]).set("body", event[1]).set("signature", sign(event[1]));
            })
            .exitHereIfFailed()
            .exec(webhookSend("webhook"))
            .exec(session -> {
                outcomes.put(session.getString("eventId"), outcomeOf(session));
                return session.remove("outcome").remove("status").set("signature", sign(session.getString("body")));
            })
            .exec(webhookSend("webhook repeated"))
            .exec(session -> {
                replayOutcomes.put(session.getString("eventId"), outcomeOf(session));
                lastAnswerNanos.accumulateAndGet(System.nanoTime(), Math::max);
                if (acknowledged(outcomes.get(session.getString("eventId")))
                        || acknowledged(replayOutcomes.get(session.getString("eventId")))) {
                    cost.count("webhook event acknowledged (sent twice)", 1);
                }
                return session;
            });

    {
        // Nested: andThen on the same parent would start its children together.
        setUp(warmUp.injectOpen(constantUsersPerSec(paymentRate).during(paymentWarmUp))
                .andThen(quietAfterWarmUp.injectOpen(atOnceUsers(1))
                        .andThen(authorizeAndCapture.injectOpen(constantUsersPerSec(paymentRate).during(paymentDuration))
                                .andThen(quiet.injectOpen(atOnceUsers(1))
                                        .andThen(webhooks.injectOpen(
                                                constantUsersPerSec(webhookRate).during(webhookDuration)))))))
                .protocols(CatalogProtocol.of(payments))
                .assertions(global().failedRequests().count().is(0L),
                        details(AUTHORIZE_AND_CAPTURE).responseTime().percentile(95.0).lt(paymentP95Goal));
    }

    /**
     * Payments authorized and captured at once. The warm-up's requests are silent (outside the statistics): they
     * let Gatling's own HTTP engine and the service's capture path reach compiled code before the measured phase.
     */
    private ScenarioBuilder payments(String name, boolean measured) {
        HttpRequestActionBuilder authorize = http("authorize").post("/api/payments/intents")
                .header("Authorization", "Bearer #{token}")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "#{key}")
                .body(StringBody("{\"orderId\":\"bench-" + runId + "-#{key}\",\"customerId\":\"bench\","
                        + "\"amountMinor\":4990,\"currency\":\"EUR\",\"paymentMethodToken\":\"pm_card_visa\"}"))
                .check(status().is(201), jsonPath("$.status").is("requires_capture"),
                        jsonPath("$.id").saveAs("paymentId"));
        HttpRequestActionBuilder capture = http("capture").post("/api/payments/intents/#{paymentId}/capture")
                .header("Authorization", "Bearer #{token}")
                .header("Content-Type", "application/json")
                .body(StringBody("{}"))
                .check(status().is(200), jsonPath("$.status").is("captured"));
        ChainBuilder pair = exec(measured ? authorize : authorize.silent())
                .exitHereIfFailed()
                .exec(session -> {
                    authorizedInPhase.incrementAndGet();
                    return session;
                })
                .exec(measured ? capture : capture.silent())
                .exec(session -> {
                    if (!session.isFailed()) {
                        capturedInPhase.incrementAndGet();
                        if (measured) {
                            cost.count("authorize+capture", 1);
                        }
                    }
                    return session;
                });
        ScenarioBuilder payments = scenario(name)
                .exec(session -> session.set("key", UUID.randomUUID().toString()).set("token", token.current()));
        return measured ? payments.group(AUTHORIZE_AND_CAPTURE).on(pair) : payments.exec(pair);
    }

    /** One user that polls /metrics (silently, outside the statistics) until the service is quiet again. */
    private ScenarioBuilder quietWait(String name) {
        return scenario(name)
                .exec(session -> session.set("quiet", false).set("since", System.nanoTime()))
                .asLongAs(session -> !session.getBoolean("quiet")).on(
                        // Prometheus text: the protocol's Accept: application/json gets no metrics from Liberty.
                        exec(http("metrics").get("/metrics").header("Accept", "text/plain").silent()
                                .check(bodyString().saveAs("metrics")))
                                .exec(session -> session.set("quiet", quietNow(session)))
                                .pause(Duration.ofSeconds(1)))
                .exec(session -> {
                    System.out.printf("quiet after %.1f s (%s): sandbox webhooks received, outbox published%n",
                            (System.nanoTime() - session.getLong("since")) / 1e9, name);
                    return session;
                });
    }

    /**
     * Authorizes the webhook phase's payments, {@code setupConcurrency} at a time, then waits until the sandbox has
     * delivered its webhook for each of them and the outbox is published.
     */
    @Override
    public void before() {
        int events = (int) Math.ceil(webhookRate * webhookDuration.toSeconds());
        int prepared = events + Math.max(10, events / 100);
        double sandboxBaseline = sandboxWebhooksReceived(metrics());
        Instant start = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(setupConcurrency);
        try {
            List<Future<String>> ids = pool.invokeAll(IntStream.range(0, prepared)
                    .mapToObj(i -> (Callable<String>) this::authorize).toList());
            for (Future<String> id : ids) {
                webhookPayments.add(id.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing payments", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not prepare the webhook phase's payments: " + e.getCause(),
                    e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Duration took = Duration.between(start, Instant.now());
        System.out.printf("setup: %d payments authorized in %.1f s (%.0f/s, %d in flight)%n", prepared,
                took.toMillis() / 1000.0, prepared * 1000.0 / Math.max(1, took.toMillis()), setupConcurrency);
        // One charge.authorized per payment; the measured phase then adds authorized + captured per payment.
        sandboxWebhooksExpected = sandboxBaseline + prepared;
        Instant quietFrom = Instant.now();
        while (!quiet(metrics())) {
            if (Instant.now().isAfter(quietFrom.plus(quietTimeout))) {
                throw new IllegalStateException("The service did not become quiet within " + quietTimeout
                        + " after the setup: " + quietState(metrics()));
            }
            sleep(Duration.ofSeconds(1));
        }
        System.out.printf("setup: quiet after %.1f s more (sandbox webhooks received, outbox published)%n",
                Duration.between(quietFrom, Instant.now()).toMillis() / 1000.0);
        // For run.sh, which turns request counts into rates.
        System.out.printf("Phase length: %d s (authorize+capture at %.0f/s)%n", paymentDuration.toSeconds(),
                paymentRate);
        System.out.printf("Webhook phase length: %d s (%.0f events/s offered, each sent twice)%n",
                webhookDuration.toSeconds(), webhookRate);
    }

    /**
     * Counts the webhook phase against the endpoint's answer contract ({@code applied} once, then {@code replayed})
     * and against the books. An event either send of which was acknowledged (200) must have captured its payment
     * (else it is lost) and been applied once (else it was applied twice); an event neither send of which was
     * acknowledged (503 while busy, or no answer) is the sender's to deliver again, as a provider does, and is
     * counted as refused.
     */
    @Override
    public void after() {
        cost.report();
        int sent = Math.min(nextEvent.get(), webhookPayments.size());
        Map<String, Long> first = tally(outcomes);
        Map<String, Long> repeated = tally(replayOutcomes);
        List<Integer> acknowledged = IntStream.range(0, sent)
                .filter(index -> acknowledged(outcomes.get(eventId(index)))
                        || acknowledged(replayOutcomes.get(eventId(index))))
                .boxed().toList();
        long appliedTwice = IntStream.range(0, sent).mapToObj(this::eventId)
                .filter(id -> "applied".equals(outcomes.get(id)) && "applied".equals(replayOutcomes.get(id)))
                .count();
        long lost = notCaptured(acknowledged.stream().map(webhookPayments::get).toList());
        long refused = sent - acknowledged.size();
        double offeredSeconds = (lastSendNanos.get() - firstSendNanos.get()) / 1e9;
        double seconds = (lastAnswerNanos.get() - firstSendNanos.get()) / 1e9;
        double achieved = seconds > 0 ? acknowledged.size() / seconds : 0;
        System.out.printf("webhooks: %d events sent (each twice), first sends %s, repeats %s%n", sent, first,
                repeated);
        System.out.printf("webhooks: %d acknowledged, %d lost (acknowledged, payment not captured afterwards), %d"
                        + " applied twice, %d refused (never acknowledged: the sender resends), %d not prepared%n",
                acknowledged.size(), lost, appliedTwice, refused, unprepared.get());
        System.out.printf("webhooks: %.1f events/s acknowledged, first send to last answer %.1f s; offered %.1f"
                        + " events/s (goal at least %.0f events/s)%n", achieved, seconds,
                offeredSeconds > 0 ? (sent - 1) / offeredSeconds : 0, webhookGoal);
        if (achieved < webhookGoal) {
            System.out.printf("GOAL MISSED: webhook ingestion %.1f events/s, below %.0f%n", achieved, webhookGoal);
        }
        if (lost > 0 || appliedTwice > 0) {
            throw new IllegalStateException("Webhook ingestion lost " + lost + " and applied " + appliedTwice
                    + " events twice; first sends " + first + ", repeats " + repeated);
        }
    }

    private static boolean acknowledged(String outcome) {
        return "applied".equals(outcome) || "replayed".equals(outcome);
    }

    private static Map<String, Long> tally(Map<String, String> outcomes) {
        return outcomes.values().stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new,
                Collectors.counting()));
    }

    /** One signed delivery of the session's event; its status and the receiver's outcome land in the session. */
    private static HttpRequestActionBuilder webhookSend(String name) {
        return http(name).post("/api/payments/webhooks/sandbox")
                .header("Content-Type", "application/json")
                .header("Shopstream-Signature", "#{signature}")
                .body(StringBody("#{body}"))
                .check(status().saveAs("status"), status().is(200), jsonPath("$.outcome").saveAs("outcome"));
    }

    private static String outcomeOf(Session session) {
        if (session.contains("outcome")) {
            return session.getString("outcome");
        }
        return session.contains("status") && session.getInt("status") == 503 ? REFUSED : NO_ANSWER;
    }

    private String eventId(int index) {
        return "evt_bench_" + runId + "_" + index;
    }

    /** The next event: a capture of the next prepared payment, as the sandbox would describe it; null when none is left. */
    private String[] nextEvent() {
        int index = nextEvent.getAndIncrement();
        if (index >= webhookPayments.size()) {
            return null;
        }
        String paymentId = webhookPayments.get(index);
        String eventId = eventId(index);
        String body = "{\"id\":\"" + eventId + "\",\"type\":\"charge.captured\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"data\":{\"charge\":{\"id\":\"ch_bench\","
                + "\"idempotencyKey\":\"" + paymentId + "\",\"status\":\"captured\",\"amountMinor\":4990,"
                + "\"currency\":\"EUR\",\"capturedMinor\":4990,\"refundedMinor\":0}}}";
        return new String[]{eventId, body};
    }

    /** Authorizes one payment outside the measurement; returns its id. */
    private String authorize() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> response = send(HttpRequest.newBuilder(payments.resolve("/api/payments/intents"))
                .header("Authorization", "Bearer " + token.current())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"orderId\":\"bench-" + runId + "-" + key + "\","
                        + "\"customerId\":\"bench\",\"amountMinor\":4990,\"currency\":\"EUR\","
                        + "\"paymentMethodToken\":\"pm_card_visa\"}")));
        Matcher id = ID.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("Could not authorize a payment (" + response.statusCode() + "): "
                    + response.body());
        }
        return id.group(1);
    }

    /** How many of the payments are not captured, read back with {@code setupConcurrency} requests in flight. */
    private long notCaptured(List<String> paymentIds) {
        ExecutorService pool = Executors.newFixedThreadPool(setupConcurrency);
        try {
            List<Future<Boolean>> captured = pool.invokeAll(paymentIds.stream()
                    .map(id -> (Callable<Boolean>) () -> {
                        HttpResponse<String> response = send(HttpRequest.newBuilder(
                                        payments.resolve("/api/payments/intents/" + id))
                                .header("Authorization", "Bearer " + token.current()).GET());
                        Matcher status = STATUS.matcher(response.body());
                        return response.statusCode() == 200 && status.find() && status.group(1).equals("captured");
                    }).toList());
            long missing = 0;
            for (Future<Boolean> payment : captured) {
                missing += payment.get() ? 0 : 1;
            }
            return missing;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading payments back", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read the payments back: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** In the quiet scenario: the last /metrics body saved; expects this phase's sandbox webhooks as well. */
    private boolean quietNow(Session session) {
        // Each payment of the measured phase made the sandbox send charge.authorized, and charge.captured once captured.
        double expected = sandboxWebhooksExpected + authorizedInPhase.get() + capturedInPhase.get();
        String metrics = session.contains("metrics") ? session.getString("metrics") : "";
        boolean quiet = outboxPending(metrics) == 0 && sandboxWebhooksReceived(metrics) >= expected;
        if (!quiet && System.nanoTime() - session.getLong("since") > quietTimeout.toNanos()) {
            System.out.println("NOT QUIET after " + quietTimeout + ", measuring anyway: " + quietState(metrics));
            return true;
        }
        return quiet;
    }

    private boolean quiet(String metrics) {
        return outboxPending(metrics) == 0 && sandboxWebhooksReceived(metrics) >= sandboxWebhooksExpected;
    }

    private String quietState(String metrics) {
        return "outbox_pending " + outboxPending(metrics) + ", sandbox webhooks received "
                + sandboxWebhooksReceived(metrics) + " of at least " + sandboxWebhooksExpected;
    }

    private static double outboxPending(String metrics) {
        Matcher pending = OUTBOX_PENDING.matcher(metrics);
        return pending.find() ? Double.parseDouble(pending.group(1)) : Double.NaN;
    }

    /** Every verified sandbox delivery, whatever its outcome. */
    private static double sandboxWebhooksReceived(String metrics) {
        Matcher received = SANDBOX_WEBHOOKS.matcher(metrics);
        double total = 0;
        while (received.find()) {
            total += Double.parseDouble(received.group(2));
        }
        return total;
    }

    private String metrics() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(payments.resolve("/metrics"))
                .header("Accept", "text/plain").GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /metrics answered " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Payments at " + payments + " is not reachable (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
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
}
