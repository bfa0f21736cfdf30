package dev.shopstream.catalog.it;

import dev.shopstream.testkit.Api;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** What operations rely on: probes, Prometheus metrics without a login, the OpenAPI document, rate limits. */
class OperationsIT extends CatalogApiTest {

    @Test
    void probesAreUp() {
        for (String probe : new String[] {"/health/live", "/health/ready", "/health/started"}) {
            HttpResponse<String> response = api.get(probe, null);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(Api.json(response).getString("status")).isEqualTo("UP");
        }
    }

    @Test
    void readinessFailsWhileTheDatabaseIsDownAndRecovers() {
        platform.withDatabaseDown(() -> {
            HttpResponse<String> response = api.get("/health/ready", null);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(Api.json(response).getString("status")).isEqualTo("DOWN");
            assertThat(api.get("/health/live", null).statusCode()).as("liveness must not restart the pod")
                    .isEqualTo(200);
        });

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int status = 0;
        while (Instant.now().isBefore(deadline) && status != 200) {
            status = api.get("/health/ready", null).statusCode();
        }
        assertThat(status).isEqualTo(200);
    }

    @Test
    void prometheusCanScrapeMetricsWithoutLoggingIn() {
        HttpResponse<String> response = api.send(api.request("/metrics").header("Accept", "text/plain").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("outbox_pending").contains("outbox_oldest_pending_age_seconds");
    }

    @Test
    void openApiDocumentDescribesTheProductsApi() {
        HttpResponse<String> response = api.send(api.request("/openapi").header("Accept", "application/json").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject paths = Api.json(response).getJsonObject("paths");
        assertThat(paths.keySet()).contains("/api/products", "/api/products/{id}");
        assertThat(api.get("/openapi/ui/", null).statusCode()).isEqualTo(200);
    }

    @Test
    void everyOperationDocumentsTheProblemsItCanAnswer() {
        JsonObject document = Api.json(api.send(api.request("/openapi").header("Accept", "application/json").GET()));
        JsonObject paths = document.getJsonObject("paths");

        JsonObject update = paths.getJsonObject("/api/products/{id}").getJsonObject("put").getJsonObject("responses");
        assertThat(update.keySet()).contains("400", "401", "403", "404", "412", "413", "415", "428", "429", "500",
                "503");
        assertThat(update.getJsonObject("409").getString("description"))
                .as("the operation's own description wins").isEqualTo("Slug taken, or the product is archived");
        assertThat(update.getJsonObject("412").getJsonObject("content").getJsonObject("application/problem+json")
                .getJsonObject("schema").getString("$ref")).isEqualTo("#/components/schemas/Problem");
        assertThat(update.getJsonObject("429").getJsonObject("headers").keySet()).contains("Retry-After");

        JsonObject create = paths.getJsonObject("/api/products").getJsonObject("post").getJsonObject("responses");
        assertThat(create.keySet()).contains("409", "422").doesNotContain("404", "412", "428");

        JsonObject publicList = paths.getJsonObject("/api/products").getJsonObject("get").getJsonObject("responses");
        assertThat(publicList.keySet()).as("a public operation asks for no token").doesNotContain("401", "403")
                .contains("400", "429", "500");

        assertThat(document.getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem")
                .getJsonObject("properties").keySet())
                .contains("type", "title", "status", "detail", "instance", "correlationId", "errors");
    }

    @Test
    void aClientOverItsRateLimitIsToldWhenToRetry() throws Exception {
        // Its own subject, so its bucket is not shared with the other tests' clients. 2,000 requests overrun the
        // bucket (1,000, refilled at 10/s; see CatalogPlatform) unless they took more than 100 s.
        String token = platform.tokens().token("rate-limit-probe", "customer");
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<HttpResponse<String>>> responses;
        try {
            responses = clients.invokeAll(Collections.nCopies(2_000, () -> api.get("/api/products?limit=1", token)));
        } finally {
            clients.shutdown();
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : responses) {
            answers.add(answer.get());
        }
        HttpResponse<String> response = answers.stream().filter(answer -> answer.statusCode() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("no 429 among the answers: " + answers.stream()
                        .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()))));
        JsonObject problem = assertProblem(response, 429, "rate-limited");
        assertThat(problem.getString("detail")).contains("retry");
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
    }
}
