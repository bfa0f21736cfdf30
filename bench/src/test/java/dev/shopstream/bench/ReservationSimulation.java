package dev.shopstream.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Stock reservations racing for the same SKUs (open model): {@code reservationRate} orders per second for
 * {@code reservationDuration} seconds, each reserving 1 unit of one of {@code skus} SKUs picked at random, under its
 * own order id, signed in as the demo admin. Before measuring it creates a draft product whose SKUs hold together
 * less stock than the run asks for — from a quarter to 1.5 times each SKU's expected share — so some SKUs sell out
 * and later reservations of them must be refused. The measured phase follows a warm-up at the same rate for
 * {@code reservationWarmUp} (15) seconds on SKUs of its own, half of the warm-up's demand in stock, silent (outside
 * the statistics and the check): a catalog that has only served browsing still compiles the reservation path.
 *
 * <p>201 (reserved) and 409 (not enough stock) are both expected answers; anything else is a failed request. Every
 * answer is counted per SKU, and afterwards each SKU's stock is read and checked: reserved never above on hand,
 * available never negative, reserved equal to the 201 answers, no stock left where a reservation was refused. It
 * prints {@code oversell: 0} when all hold, else the broken invariants, and then fails the run — an exception from
 * this hook, so Gatling exits non-zero without writing its report for that run.
 */
public class ReservationSimulation extends Simulation {

    private static final int LOW_STOCK_THRESHOLD = 10;
    private static final long TTL_MARGIN_SECONDS = 900;
    private static final long MAX_TTL_SECONDS = 86_400;

    private final BenchSettings settings = BenchSettings.load();
    private final ReservationSettings reservations = ReservationSettings.load();
    private final KeycloakToken token = new KeycloakToken(reservations);
    private final CatalogAdmin admin = new CatalogAdmin(settings.catalog(), token);
    private final ReservationLedger ledger = new ReservationLedger();
    private final CostMeter cost = CostMeter.start(getClass().getSimpleName());
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final List<String> skus = skuCodes("");
    private final List<String> warmUpSkus = skuCodes("W");
    private final Map<String, Integer> initialOnHand = new LinkedHashMap<>();
    private final AtomicLong orders = new AtomicLong();
    private final Queue<String> held = new ConcurrentLinkedQueue<>();
    // Held past the run and the check after it; the expiry job would otherwise release stock while it is counted.
    private final long ttlSeconds = Math.min(MAX_TTL_SECONDS,
            reservations.duration().toSeconds() + TTL_MARGIN_SECONDS);

    private final ScenarioBuilder warmUp = reservations("warm-up", warmUpSkus, false);
    private final ScenarioBuilder reserve = reservations("reservations", skus, true);

    public ReservationSimulation() {
        setUp(warmUp.injectOpen(constantUsersPerSec(reservations.rate()).during(reservations.warmUp()))
                .andThen(reserve.injectOpen(constantUsersPerSec(reservations.rate()).during(reservations.duration()))))
                .protocols(CatalogProtocol.of(settings.catalog()))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        String productId = admin.createDraftProduct("bench-reservations-" + runId,
                "Benchmark reservations " + runId);
        double expectedPerSku = (double) reservations.demand() / skus.size();
        for (int index = 0; index < skus.size(); index++) {
            double share = skus.size() == 1 ? 0.5 : 0.25 + 1.25 * index / (skus.size() - 1);
            int onHand = (int) Math.max(1, Math.round(expectedPerSku * share));
            admin.addSku(productId, skus.get(index), onHand, LOW_STOCK_THRESHOLD);
            initialOnHand.put(skus.get(index), onHand);
        }
        long warmUpPerSku = Math.max(1, Math.round(reservations.rate() * reservations.warmUp().toSeconds()
                / warmUpSkus.size() / 2));
        warmUpSkus.forEach(sku -> admin.addSku(productId, sku, (int) warmUpPerSku, LOW_STOCK_THRESHOLD));
        int totalStock = initialOnHand.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("Reservations: draft product %s with %d SKUs holding %d to %d units each, %,d in total, "
                        + "for about %,d reservations of 1 unit; time-to-live %d s%n", productId, skus.size(),
                initialOnHand.get(skus.get(0)), initialOnHand.get(skus.get(skus.size() - 1)), totalStock,
                reservations.demand(), ttlSeconds);
        // bench/run.sh reads the phase length from this line to turn request counts into requests per second.
        System.out.printf("Phase length: %d s; reservations at %.1f req/s (open model)%n",
                reservations.duration().toSeconds(), reservations.rate());
    }

    @Override
    public void after() {
        cost.report();
        Map<String, CatalogAdmin.Stock> stock = new LinkedHashMap<>();
        skus.forEach(sku -> stock.put(sku, admin.stock(sku)));

        System.out.printf("%n%-32s %8s %8s %9s %7s %7s %7s%n", "Stock after the run", "on hand", "reserved",
                "available", "201", "409", "other");
        long reserved = 0;
        long refused = 0;
        long other = 0;
        int soldOut = 0;
        for (String sku : skus) {
            CatalogAdmin.Stock level = stock.get(sku);
            ReservationLedger.Tally tally = ledger.tally(sku);
            System.out.printf("  %-30s %8d %8d %9d %7d %7d %7d%n", sku, level.onHand(), level.reserved(),
                    level.available(), tally.reserved().sum(), tally.refused().sum(), tally.other().sum());
            reserved += tally.reserved().sum();
            refused += tally.refused().sum();
            other += tally.other().sum();
            soldOut += level.available() == 0 ? 1 : 0;
        }
        // bench/run.sh copies the lines starting "reservations:", "oversell:" and "MISMATCH" into its summary.
        System.out.printf("reservations: %,d reserved (201), %,d refused for lack of stock (409), %,d other or no "
                + "answer; %d of %d SKUs sold out%n", reserved, refused, other, soldOut, skus.size());
        long oversold = ledger.oversold(initialOnHand);
        System.out.println(oversold == 0 ? "oversell: 0" : "oversell: %,d units reserved beyond stock".formatted(oversold));
        List<String> violations = ledger.violations(initialOnHand, stock);
        violations.forEach(violation -> System.out.println("MISMATCH " + violation));
        if (oversold > 0 || !violations.isEmpty()) {
            throw new IllegalStateException("Stock invariants broken after the reservations run: " + violations);
        }
        releaseHeld();
    }

    /**
     * Releases every reservation the run made, after the check: left to expire, they would be released by the
     * catalog's expiry job in the middle of a later benchmark run.
     */
    private void releaseHeld() {
        long began = System.nanoTime();
        int count = held.size();
        ExecutorService releases = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (String orderId : held) {
                pending.add(releases.submit(() -> admin.release(orderId)));
            }
            for (Future<?> release : pending) {
                release.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while releasing the run's reservations", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not release the run's reservations", e.getCause());
        } finally {
            releases.shutdownNow();
        }
        System.out.printf("Released the run's %,d reservations in %.1f s%n", count,
                (System.nanoTime() - began) / 1e9);
    }

    /**
     * One order per user, reserving 1 unit of one of {@code codes}. The measured run counts every answer per SKU
     * for the check; the warm-up's requests are silent. Either way a reservation made is released after the run.
     */
    private ScenarioBuilder reservations(String name, List<String> codes, boolean measured) {
        HttpRequestActionBuilder reservation = http("reserve").post("/api/reservations")
                .header("Authorization", "Bearer #{token}")
                .header("Content-Type", "application/json")
                .body(StringBody("{\"orderId\":\"#{orderId}\",\"lines\":[{\"sku\":\"#{sku}\",\"quantity\":1}],"
                        + "\"ttlSeconds\":" + ttlSeconds + "}"))
                .check(status().saveAs("status"), status().in(201, 409))
                .checkIf((response, session) -> response.status().code() == 409)
                .then(regex("(?i)not enough stock").exists());
        return scenario(name)
                .exec(session -> session
                        .set("orderId", "bench-" + runId + "-" + orders.incrementAndGet())
                        .set("sku", codes.get(ThreadLocalRandom.current().nextInt(codes.size())))
                        .set("token", token.current()))
                .exec(measured ? reservation : reservation.silent())
                .exec(session -> {
                    int status = session.contains("status") ? session.getInt("status") : 0;
                    if (measured) {
                        ledger.record(session.getString("sku"), status);
                        if (status == 201 || status == 409) {
                            cost.count("reservation", 1);
                        }
                    }
                    if (status == 201) {
                        held.add(session.getString("orderId"));
                    }
                    return session;
                });
    }

    private List<String> skuCodes(String prefix) {
        List<String> codes = new ArrayList<>();
        for (int index = 1; index <= reservations.skus(); index++) {
            codes.add("BENCH-%s-%s%02d".formatted(runId.toUpperCase(Locale.ROOT), prefix, index));
        }
        return codes;
    }
}
