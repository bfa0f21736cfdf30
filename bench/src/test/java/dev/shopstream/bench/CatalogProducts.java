package dev.shopstream.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids of every product in the catalog under test, collected before measuring by walking the public listing to
 * its end, so that product detail requests spread over the whole catalog instead of the few newest products.
 * The same client then warms the server up (JIT, connection pools, database caches) outside Gatling's statistics.
 */
final class CatalogProducts {

    private static final int WALK_PAGE_SIZE = 100;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    // A page is {"items":[{"id":"<uuid>",...}],"nextCursor":"<base64url>"}; JSON strings cannot hold a bare quote,
    // so these cannot match inside a product's name or description.
    private static final Pattern PRODUCT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI catalog;
    private final List<String> ids = new ArrayList<>();

    CatalogProducts(URI catalog) {
        this.catalog = catalog;
    }

    /**
     * Walks the listing newest first to its last page. Fails unless the catalog has more than one page of
     * {@code pageSize} products, which the browse scenario needs to follow {@code nextCursor}.
     */
    void collect(int pageSize) {
        String cursor = null;
        do {
            String page = get("/api/products?limit=" + WALK_PAGE_SIZE + (cursor == null ? "" : "&cursor=" + cursor), 200);
            PRODUCT_ID.matcher(page).results().map(match -> match.group(1)).forEach(ids::add);
            cursor = firstGroup(NEXT_CURSOR.matcher(page)).orElse(null);
        } while (cursor != null);
        if (ids.size() <= pageSize) {
            throw new IllegalStateException("The catalog at " + catalog + " holds " + ids.size()
                    + " products; the benchmark needs more than " + pageSize + " (seed it with bench/seed-products.sh).");
        }
    }

    /** Sends {@code requests} requests, cycling through product detail, the first listing page and ping. */
    void warmUp(int requests) {
        for (int sent = 0; sent < requests; sent++) {
            switch (sent % 3) {
                case 0 -> get("/api/products/" + randomId(), 200);
                case 1 -> get("/api/products?limit=20", 200);
                default -> get("/api/ping", 204);
            }
        }
    }

    String randomId() {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }

    int size() {
        return ids.size();
    }

    private String get(String pathAndQuery, int expectedStatus) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(catalog + pathAndQuery))
                .header("Accept", "application/json")
                .timeout(REQUEST_TIMEOUT)
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("The catalog at " + catalog + " is not reachable (" + e
                    + "); start the platform with ./platform.sh or pass -Dcatalog.url", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing the benchmark", e);
        }
        if (response.statusCode() == 429) {
            throw new IllegalStateException("The catalog's rate limiter refused the benchmark (429): run the platform "
                    + "with a high SHOPSTREAM_RATE_LIMIT_CAPACITY and SHOPSTREAM_RATE_LIMIT_REFILL_PER_SECOND "
                    + "(docs/performance.md)");
        }
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException("GET " + request.uri() + " answered " + response.statusCode()
                    + " instead of " + expectedStatus + ": " + response.body());
        }
        return response.body();
    }

    private static Optional<String> firstGroup(Matcher matcher) {
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
