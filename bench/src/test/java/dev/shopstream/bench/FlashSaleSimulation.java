package dev.shopstream.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A flash sale: {@code flashBuyers} (2,000) buyers race within {@code flashWindow} (10) seconds for
 * {@code flashUnits} (100) units of one SKU, each checking out one unit ({@code POST /api/orders} with the line, a
 * fresh Idempotency-Key) and reading the order until its saga has ended. Afterwards it checks and prints: exactly
 * {@code flashUnits} orders confirmed, every other one rejected as out of stock, the SKU's stock sold out with
 * nothing reserved (0 oversold), every confirmed order captured once and no rejected order charged (payments,
 * read with the orders service account), and the money captured equal to what the confirmed orders cost. Any
 * difference fails the run. Settings as {@link CheckoutSimulation}'s, and {@code payments.url}.
 */
public class FlashSaleSimulation extends Simulation {

    private static final Pattern CAPTURED = Pattern.compile("\"capturedMinor\"\\s*:\\s*(\\d+)");
    private static final Pattern ITEMS = Pattern.compile("\"id\"\\s*:");

    private final URI orders = BenchSettings.url("orders.url", "http://localhost:9083");
    private final URI payments = BenchSettings.url("payments.url", "http://localhost:9084");
    private final URI catalog = BenchSettings.url("catalog.url", "http://localhost:9082");
    private final int buyerCount = (int) BenchSettings.number("flashBuyers", 2000, 1);
    private final int units = (int) BenchSettings.number("flashUnits", 100, 1);
    private final Duration window = Duration.ofSeconds((long) BenchSettings.number("flashWindow", 10, 1));
    private final int customers = (int) BenchSettings.number("checkoutUsers", 300, 1);
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong next = new AtomicLong();
    private final Map<String, String> outcomes = new ConcurrentHashMap<>();
    private final Queue<String> unanswered = new ConcurrentLinkedQueue<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Buyers buyers;
    private final CostMeter cost = CostMeter.start(getClass().getSimpleName());

    private final ScenarioBuilder race = scenario("flash sale")
            .exec(session -> session.set("token", buyers.tokens().get((int) (next.getAndIncrement()
                            % buyers.tokens().size())))
                    .set("lines", "[{\"sku\":\"" + buyers.sku() + "\",\"quantity\":1}]")
                    .set("key", UUID.randomUUID().toString()).set("status", "pending"))
            .exec(http("place order").post("/api/orders")
                    .header("Authorization", "Bearer #{token}")
                    .header("Idempotency-Key", "#{key}")
                    .body(StringBody(session -> Buyers.checkoutBody(session.getString("lines"))))
                    .check(status().is(202), jsonPath("$.id").saveAs("orderId")))
            .asLongAs(session -> "pending".equals(session.getString("status"))).on(
                    pause(Duration.ofMillis(200))
                            .exec(http("read order").get("/api/orders/#{orderId}")
                                    .header("Authorization", "Bearer #{token}")
                                    .check(status().is(200), jsonPath("$.status").saveAs("status"))))
            .exec(this::remember);

    public FlashSaleSimulation() {
        setUp(race.injectOpen(rampUsers(buyerCount).during(window)))
                .protocols(http.baseUrl(orders.toString()).acceptHeader("application/json")
                        .contentTypeHeader("application/json").shareConnections().disableCaching().disableWarmUp())
                .assertions(global().failedRequests().count().is(0L));
    }

    private Session remember(Session session) {
        if (session.contains("orderId")) {
            outcomes.put(session.getString("orderId"), session.getString("status"));
            cost.count("order decided", 1);
        } else {
            unanswered.add(session.getString("key"));
        }
        return session;
    }

    @Override
    public void before() {
        buyers = Buyers.prepare(runId, "flash", units, customers);
        System.out.printf("Phase length: %d s; %,d buyers for %,d units of %s%n", window.toSeconds(), buyerCount,
                units, buyers.sku());
    }

    @Override
    public void after() {
        cost.report();
        long confirmed = outcomes.values().stream().filter("confirmed"::equals).count();
        long rejected = outcomes.values().stream().filter("rejected"::equals).count();
        long other = outcomes.size() - confirmed - rejected;
        CatalogAdmin.Stock stock = new CatalogAdmin(catalog, new KeycloakToken(ReservationSettings.load()))
                .stock(buyers.sku());
        KeycloakToken service = KeycloakToken.clientCredentials(
                BenchSettings.url("token.url", "http://localhost:8180/realms/shopstream/protocol/openid-connect/token"),
                BenchSettings.text("payments.client", "shopstream-orders"),
                BenchSettings.text("payments.clientSecret", "local-demo-only-orders-secret"));
        long doubleCharged = 0;
        long chargedRejected = 0;
        long capturedMinor = 0;
        for (Map.Entry<String, String> order : outcomes.entrySet()) {
            String intents = get(payments.resolve("/api/payments/intents?orderId=" + order.getKey()), service);
            int count = count(ITEMS, intents);
            if (order.getValue().equals("confirmed")) {
                doubleCharged += count > 1 ? 1 : 0;
                Matcher captured = CAPTURED.matcher(intents);
                while (captured.find()) {
                    capturedMinor += Long.parseLong(captured.group(1));
                }
            } else {
                chargedRejected += count > 0 ? 1 : 0;
            }
        }
        long expectedMinor = confirmed * buyers.priceMinor();
        System.out.printf("flash sale: %,d confirmed, %,d rejected, %,d other, %,d unanswered of %,d buyers%n",
                confirmed, rejected, other, unanswered.size(), buyerCount);
        System.out.printf("flash sale: stock on hand %d, reserved %d; oversold %d%n", stock.onHand(),
                stock.reserved(), Math.max(0, confirmed - units));
        System.out.printf("flash sale: %d orders charged twice, %d rejected orders charged; captured %,d, confirmed "
                + "orders cost %,d (minor units)%n", doubleCharged, chargedRejected, capturedMinor, expectedMinor);
        if (confirmed != units || other > 0 || !unanswered.isEmpty() || stock.onHand() != 0 || stock.reserved() != 0
                || doubleCharged > 0 || chargedRejected > 0 || capturedMinor != expectedMinor) {
            System.out.println("GOAL MISSED: flash sale did not reconcile");
        }
    }

    private String get(URI uri, KeycloakToken token) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token.current()).timeout(Duration.ofSeconds(30)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
