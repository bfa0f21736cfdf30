package dev.shopstream.devstack;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Fills an empty catalog with demo products, signed in as the demo admin, so a first run shows something. */
final class DemoCatalog {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI products;
    private final URI tokenEndpoint;

    DemoCatalog(URI catalogBaseUri, URI tokenEndpoint) {
        this.products = catalogBaseUri.resolve("/api/products");
        this.tokenEndpoint = tokenEndpoint;
    }

    /** Returns how many products it added: none when the catalog already has some. */
    int addProductsIfEmpty() throws IOException, InterruptedException {
        String token = accessToken(DemoAccount.ADMIN);
        if (hasProducts(token)) {
            return 0;
        }
        JsonArray demoProducts = readDemoProducts();
        for (int index = 0; index < demoProducts.size(); index++) {
            // Fixed keys make a repeated or interrupted run add each product once.
            String idempotencyKey = "demo-" + (index + 1);
            send(HttpRequest.newBuilder(products)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(demoProducts.get(index).toString())));
        }
        return demoProducts.size();
    }

    private String accessToken(DemoAccount account) throws IOException, InterruptedException {
        String form = Map.of("grant_type", "password", "client_id", DemoAccount.DEV_CLIENT,
                        "username", account.username(), "password", account.password())
                .entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        JsonObject tokens = parse(send(HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)))).asJsonObject();
        return tokens.getString("access_token");
    }

    // Accepts a bare array or a page object such as {"items": [...], "total": 0}: any non-empty array means products.
    private boolean hasProducts(String token) throws IOException, InterruptedException {
        JsonStructure page = parse(send(HttpRequest.newBuilder(products).header("Authorization", "Bearer " + token).GET()));
        if (page instanceof JsonArray items) {
            return !items.isEmpty();
        }
        return page.asJsonObject().values().stream()
                .anyMatch(value -> value.getValueType() == JsonValue.ValueType.ARRAY && !value.asJsonArray().isEmpty());
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(REQUEST_TIMEOUT).build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("%s %s answered %d: %s".formatted(
                    built.method(), built.uri(), response.statusCode(), response.body()));
        }
        return response.body();
    }

    private static JsonStructure parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.read();
        }
    }

    private static JsonArray readDemoProducts() {
        try (InputStream content = DemoCatalog.class.getResourceAsStream("/devstack/demo-products.json");
             JsonReader reader = Json.createReader(content)) {
            return reader.readArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo products", e);
        }
    }
}
