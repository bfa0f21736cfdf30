package dev.shopstream.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import java.net.URI;
import java.time.Duration;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Shoppers buying (open model): {@code checkoutRate} (25) signed-in customers per second for {@code checkoutDuration}
 * (60) seconds add a SKU to their cart ({@code POST /api/cart/items}), check out ({@code POST /api/orders} with a
 * fresh Idempotency-Key) and read their order every 100 ms until its saga has ended. Each buyer is a customer no other
 * buyer is at the same time, so no two share a cart. Goals (issue 20): at least 25 confirmed orders per second, the
 * checkout's p99 under 300 ms, no failed request. The CPU each process spends per confirmed order ({@link CostMeter})
 * is printed: that figure, not the rate, is what is compared from run to run (goal: the platform's processes at
 * most 40 ms per confirmed order together).
 * Before measuring, {@link #before()} makes {@code checkoutUsers} (300) customers in Keycloak and signs each in once
 * (tokens last 5 minutes), and an active product with a SKU stocked for the whole run. Settings as in
 * {@link BenchSettings}: {@code orders.url} (http://localhost:9083), {@code catalog.url}, {@code keycloak.url},
 * {@code token.url}, {@code admin.user} / {@code admin.password}. Start the platform with the rate limiter raised.
 */
public class CheckoutSimulation extends Simulation {

    private static final String CHECKOUT = "checkout";

    private final URI orders = BenchSettings.url("orders.url", "http://localhost:9083");
    private final double rate = BenchSettings.number("checkoutRate", 25, 1e-3);
    private final Duration duration = Duration.ofSeconds((long) BenchSettings.number("checkoutDuration", 60, 1));
    private final int userCount = (int) BenchSettings.number("checkoutUsers", 300, 1);
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    private volatile Buyers buyers;
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicLong notConfirmed = new AtomicLong();
    /** Buyers that found every customer still buying: the platform fell so far behind that nobody was free. */
    private final AtomicLong turnedAway = new AtomicLong();
    private final CostMeter cost = CostMeter.start(getClass().getSimpleName());

    /** Customers not buying right now: each buyer takes one for its whole visit, so no two share a cart. */
    private final Queue<String> idle = new ConcurrentLinkedQueue<>();

    private final ScenarioBuilder shoppers = scenario("shoppers")
            .exec(this::takeCustomer)
            .exitHereIfFailed()
            .exitBlockOnFail().on(exec(http("add to cart").post("/api/cart/items")
                    .header("Authorization", "Bearer #{token}")
                    .body(StringBody("{\"sku\":\"#{sku}\",\"quantity\":1}"))
                    .check(status().is(200)))
                    .group(CHECKOUT).on(exec(http("place order").post("/api/orders")
                            .header("Authorization", "Bearer #{token}")
                            .header("Idempotency-Key", "#{key}")
                            .body(StringBody(Buyers.checkoutBody(null)))
                            .check(status().is(202), jsonPath("$.id").saveAs("orderId"))))
                    .asLongAs(session -> "pending".equals(session.getString("status"))).on(
                            pause(Duration.ofMillis(100))
                                    .exec(http("read order").get("/api/orders/#{orderId}")
                                            .header("Authorization", "Bearer #{token}")
                                            .check(status().is(200), jsonPath("$.status").saveAs("status")))))
            .exec(this::count);

    public CheckoutSimulation() {
        setUp(shoppers.injectOpen(constantUsersPerSec(rate).during(duration)))
                .protocols(http.baseUrl(orders.toString()).acceptHeader("application/json")
                        .contentTypeHeader("application/json").shareConnections().disableCaching().disableWarmUp())
                .assertions(details(CHECKOUT).responseTime().percentile(99.0).lt(300),
                        global().failedRequests().count().is(0L));
    }

    private Session takeCustomer(Session session) {
        String token = idle.poll();
        if (token == null) {
            turnedAway.incrementAndGet();
            return session.markAsFailed();
        }
        return session.set("token", token).set("sku", buyers.sku()).set("key", UUID.randomUUID().toString())
                .set("status", "pending");
    }

    /** Counts how the visit ended and gives the customer back. */
    private Session count(Session session) {
        idle.add(session.getString("token"));
        if ("confirmed".equals(session.getString("status"))) {
            confirmed.incrementAndGet();
            cost.count("confirmed order", 1);
        } else {
            notConfirmed.incrementAndGet();
            return session.markAsFailed();
        }
        return session;
    }

    @Override
    public void before() {
        buyers = Buyers.prepare(runId, "checkout", (int) Math.min(1_000_000, Math.ceil(rate * duration.toSeconds() * 2)),
                userCount);
        idle.addAll(buyers.tokens());
        // bench/run.sh reads the phase length from this line to turn request counts into requests per second.
        System.out.printf("Phase length: %d s; %.1f checkouts/s by %d customers, SKU %s%n", duration.toSeconds(), rate,
                buyers.tokens().size(), buyers.sku());
    }

    @Override
    public void after() {
        System.out.printf("checkouts: %,d confirmed (%.1f/s over the phase), %,d not confirmed%n", confirmed.get(),
                confirmed.get() / (double) duration.toSeconds(), notConfirmed.get());
        if (turnedAway.get() > 0) {
            System.out.printf("GOAL MISSED: checkout: %,d buyers turned away, all %d customers still buying%n",
                    turnedAway.get(), userCount);
        }
        cost.report();
        if (confirmed.get() < Math.round(rate * duration.toSeconds() * 0.99)) {
            System.out.println("GOAL MISSED: checkout: fewer confirmed orders than offered");
        }
    }
}
