package dev.shopstream.catalog.it;

import dev.shopstream.testkit.Api;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProductApiIT extends CatalogApiTest {

    @Test
    void createdProductCanBeReadBackByAnyone() {
        HttpResponse<String> created = api.postJson("/api/products", Products.body("Trail runner 2", 12999, "EUR"), admin);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject product = Api.json(created);
        String id = product.getString("id");
        assertThat(created.headers().firstValue("Location")).hasValue(api.request("/api/products/" + id).build().uri().toString());
        String etag = "\"" + product.getJsonNumber("version").longValue() + "\"";
        assertThat(created.headers().firstValue("ETag")).hasValue(etag);
        assertThat(product.getString("name")).isEqualTo("Trail runner 2");
        assertThat(product.getJsonArray("prices").getJsonObject(0).getJsonNumber("amountMinor").longValue())
                .isEqualTo(12999);
        assertThat(product.getJsonArray("prices").getJsonObject(0).getString("currency")).isEqualTo("EUR");

        HttpResponse<String> read = api.get("/api/products/" + id, null);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonObject page = Api.json(read);
        assertThat(page.getString("name")).isEqualTo("Trail runner 2");
        assertThat(page.getJsonArray("prices")).isEqualTo(product.getJsonArray("prices"));
        assertThat(page.getJsonArray("skus")).isEmpty();
        assertThat(read.headers().firstValue("ETag")).hasValueSatisfying(tag -> assertThat(tag).startsWith("W/"));
    }

    @Test
    void matchingIfNoneMatchAnswersNotModified() {
        HttpResponse<String> created = api.postJson("/api/products", Products.body("Cached mug", 899, "EUR"), admin);
        String id = Api.json(created).getString("id");
        String etag = api.get("/api/products/" + id, null).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> response = api.send(api.request("/api/products/" + id).header("If-None-Match", etag).GET());

        assertThat(response.statusCode()).isEqualTo(304);
    }

    @Test
    void unknownProductIsANotFoundProblem() {
        HttpResponse<String> response = api.get("/api/products/" + UUID.randomUUID(), null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonObject problem = Api.json(response);
        assertThat(problem.getString("type")).isEqualTo("https://shopstream.dev/problems/not-found");
        assertThat(problem.getInt("status")).isEqualTo(404);
        assertThat(problem.getString("correlationId")).isNotBlank();
    }

    @Test
    void idThatIsNotAUuidIsNotFound() {
        assertThat(api.get("/api/products/not-a-uuid", null).statusCode()).isEqualTo(404);
    }

    @Test
    void listPagesThroughEveryProductNewestFirstWithoutGapsOrRepeats() {
        List<String> createdIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            createdIds.add(0, Api.json(api.postJson("/api/products", Products.body("Paged " + i, 100 + i, "EUR"), admin))
                    .getString("id"));
        }

        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = api.get("/api/products?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), null);
            assertThat(page.statusCode()).isEqualTo(200);
            JsonObject body = Api.json(page);
            assertThat(body.getJsonArray("items").size()).isLessThanOrEqualTo(2);
            body.getJsonArray("items").forEach(item -> listed.add(item.asJsonObject().getString("id")));
            cursor = body.containsKey("nextCursor") ? body.getString("nextCursor") : null;
        } while (cursor != null);

        assertThat(listed).doesNotHaveDuplicates();
        // Newest first: the five just created lead, in reverse creation order (other tests may add older ones).
        assertThat(listed).containsSubsequence(createdIds);
    }

    @Test
    void correlationIdFromTheClientIsEchoed() {
        HttpResponse<String> response = api.send(api.request("/api/products?limit=1")
                .header("X-Correlation-Id", "it-correlation-42").GET());

        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("it-correlation-42");
    }

    @Test
    void responsesCarrySecurityHeaders() {
        HttpResponse<String> response = api.get("/api/products?limit=1", null);

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }
}
