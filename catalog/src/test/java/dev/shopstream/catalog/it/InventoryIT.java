package dev.shopstream.catalog.it;

import dev.shopstream.testkit.Api;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** SKUs, stock and reservations against real PostgreSQL, with real concurrency. */
class InventoryIT extends CatalogApiTest {

    private static String service() {
        return platform.tokens().token("orders-service", "service");
    }

    @Test
    void concurrentReservationsTakeExactlyTheStockThereIs() throws Exception {
        String sku = sku(7);
        ExecutorService orders = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> reservations = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                reservations.add(() -> reserve(UUID.randomUUID().toString(), 60, sku, 1).statusCode());
            }
            for (Future<Integer> status : orders.invokeAll(reservations)) {
                statuses.add(status.get());
            }
        } finally {
            orders.shutdownNow();
        }

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(7);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(23);
        assertThat(levels(sku)).containsExactly(7, 7, 0);
    }

    @Test
    void aReservationTakesEveryLineOrNothing() {
        String plenty = sku(5);
        String scarce = sku(1);

        HttpResponse<String> refused = reserve(UUID.randomUUID().toString(), 60, plenty, 2, scarce, 2);

        assertProblem(refused, 409, "conflict");
        assertThat(stock(plenty).getInt("reserved")).isZero();
        assertThat(stock(scarce).getInt("reserved")).isZero();
    }

    @Test
    void reservingIsIdempotentPerOrder() {
        String sku = sku(10);
        String order = UUID.randomUUID().toString();

        assertThat(reserve(order, 60, sku, 3).statusCode()).isEqualTo(201);
        assertThat(reserve(order, 60, sku, 3).statusCode()).isEqualTo(200);
        assertProblem(reserve(order, 60, sku, 4), 409, "conflict");
        assertThat(stock(sku).getInt("reserved")).isEqualTo(3);
    }

    @Test
    void commitTurnsReservedStockIntoSoldStockOnce() {
        String sku = sku(10);
        String order = UUID.randomUUID().toString();
        reserve(order, 60, sku, 3);

        assertThat(settle(order, "commit").statusCode()).isEqualTo(200);
        assertThat(settle(order, "commit").statusCode()).as("idempotent").isEqualTo(200);

        assertThat(levels(sku)).containsExactly(7, 0, 7);
        assertProblem(settle(order, "release"), 409, "conflict");
    }

    @Test
    void releaseGivesStockBackOnceOnly() {
        String sku = sku(10);
        String order = UUID.randomUUID().toString();
        reserve(order, 60, sku, 4);

        assertThat(settle(order, "release").statusCode()).isEqualTo(200);
        assertThat(settle(order, "release").statusCode()).isEqualTo(200);

        assertThat(levels(sku)).containsExactly(10, 0, 10);
        assertProblem(settle(order, "commit"), 409, "conflict");
    }

    @Test
    void expiredReservationsAreReleasedByTheJob() throws Exception {
        String sku = sku(5);
        String order = UUID.randomUUID().toString();
        reserve(order, 1, sku, 2);

        Instant deadline = Instant.now().plusSeconds(30);
        String status = "";
        while (Instant.now().isBefore(deadline) && !status.equals("EXPIRED")) {
            Thread.sleep(250);
            status = Api.json(api.get("/api/reservations/" + order, service())).getString("status");
        }

        assertThat(status).isEqualTo("EXPIRED");
        assertThat(stock(sku).getInt("reserved")).isZero();
        assertThat(settle(order, "release").statusCode()).as("releasing an expired one changes nothing").isEqualTo(200);
        assertThat(stock(sku).getInt("reserved")).isZero();
        assertProblem(settle(order, "commit"), 409, "conflict");
    }

    @Test
    void stockCannotDropBelowWhatIsReserved() {
        String sku = sku(5);
        reserve(UUID.randomUUID().toString(), 60, sku, 3);
        String integrator = platform.tokens().token("warehouse", "integrator");

        assertProblem(api.putJson("/api/skus/" + sku + "/stock", count(2), integrator, null), 409, "conflict");
        HttpResponse<String> counted = api.putJson("/api/skus/" + sku + "/stock", count(12), integrator, null);
        assertThat(counted.statusCode()).isEqualTo(200);
        assertThat(Api.json(counted).getInt("available")).isEqualTo(9);
    }

    @Test
    void rolesAndBadInputAreRefused() {
        String sku = sku(5);
        String integrator = platform.tokens().token("warehouse", "integrator");
        String customer = platform.tokens().token("carol", "customer");

        assertThat(reserveAs(customer, UUID.randomUUID().toString(), sku).statusCode()).isEqualTo(403);
        assertThat(reserveAs(integrator, UUID.randomUUID().toString(), sku).statusCode()).isEqualTo(403);
        assertThat(api.putJson("/api/skus/" + sku + "/stock", count(3), customer, null).statusCode()).isEqualTo(403);
        assertProblem(reserve(UUID.randomUUID().toString(), 60, "NO-SUCH-SKU", 1), 422, "unprocessable");
        assertProblem(reserve(UUID.randomUUID().toString(), 60, sku, 0), 400, "validation-failed");
        assertProblem(api.putJson("/api/skus/" + sku + "/stock",
                "{\"onHand\":-1,\"reason\":\"typo\"}", admin, null), 400, "validation-failed");
        assertProblem(api.postJson("/api/skus", newSku(productId(), sku, 1), admin), 409, "conflict");
        assertProblem(api.postJson("/api/skus", newSku(UUID.randomUUID().toString(), "X-" + UUID.randomUUID(), 1),
                admin), 404, "not-found");
        assertProblem(api.get("/api/skus/NO-SUCH-SKU/stock", admin), 404, "not-found");
    }

    @Test
    void relativeAdjustmentsApplyOncePerIdempotencyKey() {
        String sku = sku(5);
        String integrator = platform.tokens().token("warehouse", "integrator");
        String key = UUID.randomUUID().toString();

        HttpResponse<String> delivered = adjust(sku, 7, integrator, key);
        HttpResponse<String> retried = adjust(sku, 7, integrator, key);

        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        assertThat(Api.json(delivered).getInt("onHand")).isEqualTo(12);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(adjust(sku, -4, admin, UUID.randomUUID().toString()).statusCode()).isEqualTo(200);
        assertThat(levels(sku)).containsExactly(8, 0, 8);
    }

    @Test
    void badAdjustmentsAreRefusedAndChangeNothing() {
        String sku = sku(5);
        reserve(UUID.randomUUID().toString(), 60, sku, 3);
        String support = platform.tokens().token("sam", "support");

        assertProblem(adjust(sku, -3, admin, UUID.randomUUID().toString()), 409, "conflict");
        assertProblem(api.postJson("/api/skus/" + sku + "/stock/adjustments", adjustment(1), admin),
                400, "idempotency-key-missing");
        assertProblem(api.postJson("/api/skus/" + sku + "/stock/adjustments", "{\"delta\":1}", admin,
                "Idempotency-Key", UUID.randomUUID().toString()), 400, "validation-failed");
        assertProblem(adjust("NO-SUCH-SKU", 1, admin, UUID.randomUUID().toString()), 404, "not-found");
        assertThat(adjust(sku, 1, support, UUID.randomUUID().toString()).statusCode()).isEqualTo(403);
        assertThat(levels(sku)).containsExactly(5, 3, 2);
    }

    @Test
    void aProductLeavesAndRejoinsInStockListingsWithItsLastUnits() throws InterruptedException {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String product = Api.json(api.postJson("/api/products", Products.body("Lastunit " + word, 1000, "EUR"), admin))
                .getString("id");
        String sku = "LAST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        api.postJson("/api/skus", newSku(product, sku, 2), admin);
        assertThat(hits(word, true)).as("in stock").containsExactly(product);

        // Reservations do not wait for listings (the availability job settles them within seconds); a staff
        // adjustment does.
        String order = UUID.randomUUID().toString();
        assertThat(reserve(order, 60, sku, 2).statusCode()).isEqualTo(201);
        assertThat(awaitHits(word, List.of())).as("sold out").isEmpty();
        assertThat(hits(word, false)).as("still listed without the filter").containsExactly(product);

        assertThat(settle(order, "release").statusCode()).isEqualTo(200);
        assertThat(awaitHits(word, List.of(product))).as("back in stock").containsExactly(product);

        // Held well beyond the availability job's 2 s interval, so the job settles the sale before the expiry job
        // (every second in these tests) releases it.
        assertThat(reserve(UUID.randomUUID().toString(), 8, sku, 2).statusCode()).isEqualTo(201);
        assertThat(awaitHits(word, List.of())).as("sold out").isEmpty();
        assertThat(awaitHits(word, List.of(product))).as("in stock again after the expiry").containsExactly(product);

        assertThat(adjust(sku, -2, admin, UUID.randomUUID().toString()).statusCode()).isEqualTo(200);
        assertThat(hits(word, true)).as("a staff adjustment shows at once").isEmpty();
    }

    /** The in-stock hits for {@code word} once they are {@code expected}, or as they are after a minute. */
    private static List<String> awaitHits(String word, List<String> expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        List<String> hits = hits(word, true);
        while (!hits.equals(expected) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            hits = hits(word, true);
        }
        return hits;
    }

    @Test
    void anArchivedSkuLeavesTheProductPageAndCannotBeReserved() {
        String product = productId();
        String kept = "KEPT-" + UUID.randomUUID().toString().substring(0, 8);
        String dropped = "DROP-" + UUID.randomUUID().toString().substring(0, 8);
        api.postJson("/api/skus", Json.createObjectBuilder().add("productId", product).add("code", kept).add("onHand", 4)
                .add("attributes", Json.createObjectBuilder().add("size", "M")).build().toString(), admin);
        api.postJson("/api/skus", newSku(product, dropped, 4), admin);

        assertThat(api.postJson("/api/skus/" + dropped + "/archive", "", admin).statusCode()).isEqualTo(204);

        List<JsonObject> skus = Api.json(api.get("/api/products/" + product, null)).getJsonArray("skus")
                .getValuesAs(JsonObject.class);
        assertThat(skus).extracting(item -> item.getString("code")).containsExactly(kept);
        assertThat(skus.get(0).getJsonObject("attributes").getString("size")).isEqualTo("M");
        assertThat(skus.get(0).getInt("available")).isEqualTo(4);
        assertThat(skus.get(0).getBoolean("inStock")).isTrue();
        assertProblem(reserve(UUID.randomUUID().toString(), 60, dropped, 1), 422, "unprocessable");
        assertProblem(api.postJson("/api/skus/NO-SUCH-SKU/archive", "", admin), 404, "not-found");
    }

    @Test
    void skuDetailsChangeWithTheCurrentETagOnly() {
        String sku = sku(5);
        HttpResponse<String> read = api.get("/api/skus/" + sku, platform.tokens().token("sam", "support"));
        assertThat(read.statusCode()).isEqualTo(200);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        String change = Json.createObjectBuilder().add("lowStockThreshold", 6)
                .add("attributes", Json.createObjectBuilder().add("colour", "teal")).build().toString();

        assertProblem(api.putJson("/api/skus/" + sku, change, admin, null), 428, "precondition-required");
        HttpResponse<String> updated = api.putJson("/api/skus/" + sku, change, admin, etag);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(Api.json(updated).getJsonObject("attributes").getString("colour")).isEqualTo("teal");
        assertThat(Api.json(updated).getJsonObject("stock").getInt("lowStockThreshold")).isEqualTo(6);
        assertProblem(api.putJson("/api/skus/" + sku, change, admin, etag), 412, "precondition-failed");
        assertProblem(api.putJson("/api/skus/" + sku, "{\"lowStockThreshold\":-1}", admin,
                updated.headers().firstValue("ETag").orElseThrow()), 400, "validation-failed");
        assertThat(api.putJson("/api/skus/" + sku, change, platform.tokens().token("warehouse", "integrator"),
                etag).statusCode()).as("integrators only touch stock").isEqualTo(403);
        assertProblem(api.get("/api/skus/NO-SUCH-SKU", admin), 404, "not-found");
    }

    @Test
    void offersPriceSkusInOneCurrencyWithWhatIsAvailable() {
        String onSale = sku(6);
        String archived = sku(3);
        api.postJson("/api/skus/" + archived + "/archive", "", admin);
        reserve(UUID.randomUUID().toString(), 60, onSale, 2);

        HttpResponse<String> found = api.get("/api/offers?currency=EUR&sku=" + onSale + "&sku=" + archived
                + "&sku=NO-SUCH-SKU&sku=" + onSale, service());

        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        List<JsonObject> offers = Json.createReader(new StringReader(found.body())).readArray()
                .getValuesAs(JsonObject.class);
        assertThat(offers).extracting(offer -> offer.getString("sku")).containsExactlyInAnyOrder(onSale, archived);
        JsonObject offer = offers.stream().filter(item -> item.getString("sku").equals(onSale)).findFirst().orElseThrow();
        assertThat(offer.getBoolean("onSale")).isTrue();
        assertThat(offer.getJsonNumber("priceMinor").longValue()).isEqualTo(1000);
        assertThat(offer.getString("currency")).isEqualTo("EUR");
        assertThat(offer.getInt("available")).isEqualTo(4);
        assertThat(offer.getString("productName")).isEqualTo("Stocked item");
        assertThat(offers.stream().filter(item -> item.getString("sku").equals(archived)).findFirst().orElseThrow()
                .getBoolean("onSale")).isFalse();
        JsonObject unpriced = Json.createReader(new StringReader(api.get("/api/offers?currency=USD&sku="
                + onSale, service()).body())).readArray().getJsonObject(0);
        assertThat(unpriced.containsKey("priceMinor")).as("no USD price").isFalse();

        assertThat(api.get("/api/offers?currency=EUR&sku=" + onSale, null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/offers?currency=EUR&sku=" + onSale, platform.tokens().token("carla", "customer"))
                .statusCode()).isEqualTo(403);
        assertProblem(api.get("/api/offers?currency=EURO&sku=" + onSale, service()), 400, "validation-failed");
        assertProblem(api.get("/api/offers?currency=EUR", service()), 400, "validation-failed");
    }

    /** The ids of the search hits for {@code word}, only those in stock or all. */
    private static List<String> hits(String word, boolean inStockOnly) {
        return Api.json(api.get("/api/search?q=" + word + (inStockOnly ? "&inStock=true" : ""), null))
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("id")).toList();
    }

    private static HttpResponse<String> adjust(String sku, int delta, String token, String idempotencyKey) {
        return api.postJson("/api/skus/" + sku + "/stock/adjustments", adjustment(delta), token,
                "Idempotency-Key", idempotencyKey);
    }

    private static String adjustment(int delta) {
        return Json.createObjectBuilder().add("delta", delta).add("reason", "delivery").build().toString();
    }

    private static String productId() {
        return Api.json(api.postJson("/api/products", Products.body("Stocked item", 1000, "EUR"), admin)).getString("id");
    }

    private static String sku(int onHand) {
        String code = "SKU-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
        HttpResponse<String> created = api.postJson("/api/skus", newSku(productId(), code, onHand), admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return code;
    }

    private static String newSku(String productId, String code, int onHand) {
        return Json.createObjectBuilder().add("productId", productId).add("code", code).add("onHand", onHand)
                .build().toString();
    }

    private static String count(int onHand) {
        return Json.createObjectBuilder().add("onHand", onHand).add("reason", "cycle count").build().toString();
    }

    /** On hand, reserved, available. */
    private static List<Integer> levels(String sku) {
        JsonObject stock = stock(sku);
        return List.of(stock.getInt("onHand"), stock.getInt("reserved"), stock.getInt("available"));
    }

    private static JsonObject stock(String sku) {
        return Api.json(api.get("/api/skus/" + sku + "/stock", admin));
    }

    /** Lines as alternating SKU code and quantity. */
    private static HttpResponse<String> reserve(String order, int ttlSeconds, Object... lines) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (int i = 0; i < lines.length; i += 2) {
            array.add(Json.createObjectBuilder().add("sku", (String) lines[i]).add("quantity", (Integer) lines[i + 1]));
        }
        String body = Json.createObjectBuilder().add("orderId", order).add("lines", array)
                .add("ttlSeconds", ttlSeconds).build().toString();
        return api.postJson("/api/reservations", body, service());
    }

    private static HttpResponse<String> reserveAs(String token, String order, String sku) {
        String body = Json.createObjectBuilder().add("orderId", order)
                .add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder().add("sku", sku).add("quantity", 1)))
                .add("ttlSeconds", 60).build().toString();
        return api.postJson("/api/reservations", body, token);
    }

    private static HttpResponse<String> settle(String order, String action) {
        return api.postJson("/api/reservations/" + order + "/" + action, "", service());
    }
}
