package dev.shopstream.catalog.it;

import dev.shopstream.testkit.Api;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyIT extends CatalogApiTest {

    @Test
    void retryWithTheSameKeyReplaysTheFirstResponseAndCreatesNothingNew() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = Products.body("Idempotent kettle", 3999, "EUR");

        HttpResponse<String> first = api.postJson("/api/products", body, admin, "Idempotency-Key", key);
        HttpResponse<String> retry = api.postJson("/api/products", body, admin, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(Api.json(retry)).isEqualTo(Api.json(first));
        assertThat(productsNamed("Idempotent kettle")).isEqualTo(1);
    }

    @Test
    void sameKeyWithADifferentBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        api.postJson("/api/products", Products.body("First use", 100, "EUR"), admin, "Idempotency-Key", key);

        HttpResponse<String> reuse = api.postJson("/api/products", Products.body("Second use", 100, "EUR"), admin,
                "Idempotency-Key", key);

        assertProblem(reuse, 422, "idempotency-key-reused");
    }

    @Test
    void keysAreScopedToTheCaller() {
        String key = UUID.randomUUID().toString();
        String body = Products.body("Per-caller teapot", 100, "EUR");

        JsonObject alices = Api.json(api.postJson("/api/products", body, admin, "Idempotency-Key", key));
        HttpResponse<String> bobs = api.postJson("/api/products", body, platform.tokens().token("bob", "admin"),
                "Idempotency-Key", key);

        assertThat(bobs.statusCode()).isEqualTo(201);
        assertThat(bobs.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(Api.json(bobs).getString("id")).isNotEqualTo(alices.getString("id"));
    }

    @Test
    void malformedKeyIsRefused() {
        assertProblem(api.postJson("/api/products", Products.body("Keyed", 100, "EUR"), admin,
                "Idempotency-Key", "x".repeat(256)), 400, "validation-failed");
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneProduct() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = Products.body("Contended blender", 100, "EUR");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> api.postJson("/api/products", body, admin, "Idempotency-Key", key));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : clients.invokeAll(calls)) {
                statuses.add(response.get().statusCode());
            }
            // Each caller either got the product (first or replayed) or was told the first is still running.
            assertThat(statuses).allMatch(status -> status == 201 || status == 409).contains(201);
        } finally {
            clients.shutdownNow();
        }
        assertThat(productsNamed("Contended blender")).isEqualTo(1);
    }

    private static long productsNamed(String name) throws Exception {
        try (var connection = platform.database();
             var statement = connection.prepareStatement("SELECT count(*) FROM product WHERE name = ?")) {
            statement.setString(1, name);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
