package dev.shopstream.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The staff calls {@link ReservationSimulation} makes outside the measurement: a draft product with SKUs and stock
 * before, the stock of each SKU after. Signed in through {@link KeycloakToken}.
 */
final class CatalogAdmin {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    /** A SKU's stock as {@code GET /api/skus/{code}/stock} shows it. */
    record Stock(String sku, int onHand, int reserved, int available) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI catalog;
    private final KeycloakToken token;

    CatalogAdmin(URI catalog, KeycloakToken token) {
        this.catalog = catalog;
        this.token = token;
    }

    /** A draft, so that it stays out of the shop's listings and searches; reservations do not look at the status. */
    String createDraftProduct(String slug, String name) {
        String body = """
                {"slug":"%s","name":"%s","description":"Created by bench/ for the reservations benchmark.",\
                "status":"DRAFT","prices":[{"amountMinor":1000,"currency":"EUR"}]}""".formatted(slug, name);
        Matcher id = ID.matcher(send("POST", "/api/products", body, 201));
        if (!id.find()) {
            throw new IllegalStateException("POST /api/products answered without a product id");
        }
        return id.group(1);
    }

    /** An active product at {@code priceMinor} EUR, which shoppers (and the orders service) can buy. */
    String createActiveProduct(String slug, String name, long priceMinor) {
        String body = """
                {"slug":"%s","name":"%s","description":"Created by bench/ for the checkout benchmarks.",\
                "prices":[{"amountMinor":%d,"currency":"EUR"}]}""".formatted(slug, name, priceMinor);
        Matcher id = ID.matcher(send("POST", "/api/products", body, 201));
        if (!id.find()) {
            throw new IllegalStateException("POST /api/products answered without a product id");
        }
        return id.group(1);
    }

    void addSku(String productId, String code, int onHand, int lowStockThreshold) {
        send("POST", "/api/skus", """
                {"productId":"%s","code":"%s","onHand":%d,"lowStockThreshold":%d,"attributes":{"lot":"%s"}}"""
                .formatted(productId, code, onHand, lowStockThreshold, code.substring(code.lastIndexOf('-') + 1)), 201);
    }

    Stock stock(String code) {
        String body = send("GET", "/api/skus/" + code + "/stock", null, 200);
        return new Stock(code, number(body, "onHand"), number(body, "reserved"), number(body, "available"));
    }

    /** Gives a reservation's stock back, so that a run leaves no held stock (and no expiry work) behind. */
    void release(String orderId) {
        send("POST", "/api/reservations/" + orderId + "/release", "", 200);
    }

    private String send(String method, String path, String json, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(catalog + path))
                .header("Authorization", "Bearer " + token.current())
                .header("Accept", "application/json")
                .timeout(REQUEST_TIMEOUT);
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("The catalog at " + catalog + " is not reachable (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while talking to the catalog", e);
        }
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
                    + " instead of " + expectedStatus + ": " + response.body());
        }
        return response.body();
    }

    private static int number(String json, String field) {
        Matcher value = Pattern.compile("\"" + field + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("No " + field + " in " + json);
        }
        return Integer.parseInt(value.group(1));
    }
}
