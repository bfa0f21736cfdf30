package dev.shopstream.catalog.it;

import dev.shopstream.testkit.Api;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static dev.shopstream.testkit.Problems.fields;
import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Every malformed or invalid request gets the right status and a problem document, and stores nothing. */
class BadInputIT extends CatalogApiTest {

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(api.postJson("/api/products", "{\"name\": \"Broken\", ", admin), 400, "malformed-request");
    }

    @Test
    void wrongValueTypeIsABadRequest() {
        String body = "{\"name\":\"Typed\",\"prices\":[{\"amountMinor\":\"twelve\",\"currency\":\"EUR\"}]}";
        assertProblem(api.postJson("/api/products", body, admin), 400, "malformed-request");
    }

    @Test
    void unknownPropertyIsRefused() {
        String body = "{\"name\":\"Sneaky\",\"version\":7,\"prices\":[{\"amountMinor\":100,\"currency\":\"EUR\"}]}";
        assertProblem(api.postJson("/api/products", body, admin), 400, "malformed-request");
    }

    @Test
    void missingFieldsAreListed() {
        JsonObject problem = assertProblem(api.postJson("/api/products", "{\"description\":\"no name, no price\"}", admin),
                400, "validation-failed");

        assertThat(fields(problem)).containsExactlyInAnyOrder("name", "prices");
    }

    @Test
    void missingAmountInsidePriceIsNamedByItsPath() {
        JsonObject problem = assertProblem(
                api.postJson("/api/products", "{\"name\":\"Half priced\",\"prices\":[{\"currency\":\"EUR\"}]}", admin),
                400, "validation-failed");

        assertThat(fields(problem)).containsExactly("prices[0].amountMinor");
    }

    @Test
    void overLongNameIsRefused() {
        JsonObject problem = assertProblem(api.postJson("/api/products", Products.body("x".repeat(201), 100, "EUR"), admin),
                400, "validation-failed");

        assertThat(fields(problem)).containsExactly("name");
    }

    @Test
    void blankNameIsRefused() {
        assertProblem(api.postJson("/api/products", Products.body("   ", 100, "EUR"), admin), 400, "validation-failed");
    }

    @Test
    void negativePriceAndUnknownCurrencyAreRefused() {
        JsonObject problem = assertProblem(api.postJson("/api/products", Products.body("Odd", -1, "XYZ"), admin),
                400, "validation-failed");

        assertThat(fields(problem)).containsExactlyInAnyOrder("prices[0].amountMinor", "prices[0].currency");
    }

    @Test
    void oversizedBodyIsTooLarge() {
        String body = Products.body("Huge", 100, "EUR").replace("A product made", "x".repeat(300_000));

        assertProblem(api.postJson("/api/products", body, admin), 413, "payload-too-large");
    }

    @Test
    void oversizedChunkedBodyIsTooLarge() {
        // Well-formed JSON as far as it goes (a 512 KiB name), so the parser keeps reading until the limit stops it.
        byte[] chunk = "x".repeat(64 * 1024).getBytes();
        Supplier<InputStream> body = () -> new SequenceInputStream(Collections.enumeration(Stream.of(
                Stream.of(new ByteArrayInputStream("{\"name\":\"".getBytes())),
                Stream.generate(() -> new ByteArrayInputStream(chunk)).limit(8),
                Stream.of(new ByteArrayInputStream("\"}".getBytes()))).flatMap(part -> part).toList()));
        HttpRequest.Builder request = api.request("/api/products")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + admin)
                // A streamed body of unknown length is sent chunked, so only the reading side can enforce the limit.
                .POST(HttpRequest.BodyPublishers.ofInputStream(body));

        assertProblem(api.send(request), 413, "payload-too-large");
    }

    @Test
    void nonJsonContentTypeIsUnsupported() {
        HttpResponse<String> response = api.send(api.request("/api/products")
                .header("Content-Type", "text/plain")
                .header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofString("name=Plain")));

        assertProblem(response, 415, "unsupported-media-type");
    }

    @Test
    void outOfRangeLimitIsRefused() {
        assertProblem(api.get("/api/products?limit=0", null), 400, "validation-failed");
        assertProblem(api.get("/api/products?limit=101", null), 400, "validation-failed");
    }

    @Test
    void nonNumericLimitIsABadRequest() {
        assertThat(api.get("/api/products?limit=many", null).statusCode()).isIn(400, 404);
    }

    @Test
    void forgedCursorIsRefused() {
        assertProblem(api.get("/api/products?cursor=bm90LWEtY3Vyc29y", null), 400, "validation-failed");
        assertProblem(api.get("/api/products?cursor=%25%25%25", null), 400, "validation-failed");
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        assertProblem(api.get("/api/nothing-here", null), 404, "not-found");
    }

    @Test
    void unsupportedMethodIsNotAllowed() {
        HttpResponse<String> response = api.send(api.request("/api/products").DELETE()
                .header("Authorization", "Bearer " + admin));

        assertProblem(response, 405, "method-not-allowed");
    }

    @Test
    void refusedRequestsStoreNothing() throws Exception {
        long before = productCount();

        api.postJson("/api/products", Products.body("x".repeat(201), 100, "EUR"), admin);
        api.postJson("/api/products", "{\"name\": ", admin);
        api.postJson("/api/products", Products.body("Refused", 100, "EUR"), platform.tokens().token("carol", "customer"));

        assertThat(productCount()).isEqualTo(before);
    }

    private static long productCount() throws Exception {
        try (var connection = platform.database(); var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT count(*) FROM product")) {
            result.next();
            return result.getLong(1);
        }
    }

}
