package dev.shopstream.catalog.it;

import dev.shopstream.testkit.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product page cache: repeated reads come from memory, and every change to a product, its prices, SKUs or
 * stock is on its page at once for whoever made it, and after the database was away.
 */
class ProductPageCacheIT extends CatalogApiTest {

    private static final Pattern HITS = Pattern.compile("(?m)^product_page_cache_hits_total\\{[^}]*} ([0-9.E]+)$");

    @Test
    void aPageReadAgainComesFromMemory() {
        String id = product("Cached kettle", 3900);
        page(id);
        double before = cacheHits();

        page(id);
        page(id);

        assertThat(cacheHits() - before).isGreaterThanOrEqualTo(2);
    }

    @Test
    void whoeverChangesAPriceReadsTheNewPriceAtOnce() {
        String id = product("Repriced lamp", 1000);
        for (int price = 1001; price <= 1020; price++) {
            page(id);
            HttpResponse<String> staffView = api.get("/api/staff/products/" + id, admin);
            HttpResponse<String> updated = api.putJson("/api/products/" + id,
                    Products.change(Api.json(staffView), price), admin,
                    staffView.headers().firstValue("ETag").orElseThrow());
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);

            assertThat(page(id).getJsonObject("price").getInt("amountMinor")).isEqualTo(price);
        }
    }

    /**
     * Staff adjusting stock read the result at once. A reservation comes from the orders service on the checkout path,
     * which does not wait for the page cache to hear of it (see {@code ReadYourWrites}), so the page shows it
     * moments later.
     */
    @Test
    void stockAdjustmentsShowOnThePageAtOnceAndReservationsMomentsLater() {
        String id = product("Stocked mug", 1500);
        String sku = "CACHE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        api.postJson("/api/skus", Json.createObjectBuilder().add("productId", id).add("code", sku).add("onHand", 5)
                .build().toString(), admin);
        assertThat(available(id)).isEqualTo(5);

        api.postJson("/api/skus/" + sku + "/stock/adjustments", "{\"delta\":3,\"reason\":\"delivery\"}", admin,
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(available(id)).isEqualTo(8);

        String reservation = Json.createObjectBuilder().add("orderId", "cache-" + UUID.randomUUID())
                .add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder().add("sku", sku).add("quantity", 8)))
                .add("ttlSeconds", 60).build().toString();
        assertThat(api.postJson("/api/reservations", reservation, platform.tokens().token("orders-service", "service"))
                .statusCode()).isEqualTo(201);
        JsonObject soldOut = skuOf(awaitPage(api, id, page -> skuOf(page).getInt("available") == 0));
        assertThat(soldOut.getInt("available")).isZero();
        assertThat(soldOut.getBoolean("inStock")).isFalse();
    }

    @Test
    void afterTheDatabaseWasAwayPagesAreCachedAndKeptCurrentAgain() {
        String id = product("Resilient teapot", 2500);
        page(id);

        // Stopping PostgreSQL ends the listener's connection.
        platform.withDatabaseDown(() -> { });

        // The listener connects again within its retry delay; until then every read misses the cache.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        double before = cacheHits();
        while (Instant.now().isBefore(deadline) && cacheHits() - before < 1) {
            api.get("/api/products/" + id, null);
        }
        assertThat(cacheHits() - before).as("cached again").isGreaterThanOrEqualTo(1);
        HttpResponse<String> staffView = api.get("/api/staff/products/" + id, admin);
        api.putJson("/api/products/" + id, Products.change(Api.json(staffView), 2600), admin,
                staffView.headers().firstValue("ETag").orElseThrow());
        assertThat(page(id).getJsonObject("price").getInt("amountMinor")).isEqualTo(2600);
    }

    static String product(String name, long amountMinor) {
        HttpResponse<String> created = api.postJson("/api/products", Products.body(name, amountMinor, "EUR"), admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.json(created).getString("id");
    }

    static JsonObject page(String id) {
        return page(api, id);
    }

    static JsonObject page(Api through, String id) {
        HttpResponse<String> response = through.get("/api/products/" + id + "?currency=EUR", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    /** Reads the page through {@code through} until it satisfies {@code expected}, for a minute at most. */
    static JsonObject awaitPage(Api through, String id, Predicate<JsonObject> expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonObject page = page(through, id);
        while (!expected.test(page) && Instant.now().isBefore(deadline)) {
            page = page(through, id);
        }
        return page;
    }

    private static int available(String id) {
        return skuOf(page(id)).getInt("available");
    }

    private static JsonObject skuOf(JsonObject page) {
        return page.getJsonArray("skus").getJsonObject(0);
    }

    private static double cacheHits() {
        String metrics = api.send(api.request("/metrics?scope=application").header("Accept", "text/plain").GET()).body();
        Matcher hits = HITS.matcher(metrics);
        return hits.find() ? Double.parseDouble(hits.group(1)) : 0;
    }
}
