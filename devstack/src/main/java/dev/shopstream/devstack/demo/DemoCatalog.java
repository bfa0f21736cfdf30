package dev.shopstream.devstack.demo;

import dev.shopstream.devstack.node.Elapsed;
import dev.shopstream.devstack.node.StartupFailure;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fills an empty catalog with the demo catalog, signed in as the demo admin: the category tree of
 * {@link DemoAssortment} through the category API, then the products of {@link DemoCatalogCsv} in one CSV import.
 */
public final class DemoCatalog {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    // The import writes every product and SKU with its events and audit records: minutes on two cores.
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(15);
    private static final int ERRORS_SHOWN = 20;
    private static final String COMPONENT = "Demo catalog";

    /** What the catalog's import answered. */
    record ImportReport(int rows, int productsCreated, int productsUpdated, int skusCreated, int skusUpdated,
                        int rejectedRows, List<String> errors) {
    }

    // HTTP/1.1: a plain POST of a 10 MB body, without the h2c upgrade the client would otherwise attempt.
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI catalog;
    private final URI tokenEndpoint;
    private final PrintStream console;

    public DemoCatalog(URI catalogBaseUri, URI tokenEndpoint, PrintStream console) {
        this.catalog = catalogBaseUri;
        this.tokenEndpoint = tokenEndpoint;
        this.console = console;
    }

    /**
     * Creates the categories and imports the products unless the catalog already has products, and reports both on
     * the console. Returns false, changing nothing, when there were products.
     *
     * @throws StartupFailure when the import rejected rows: the generator and the import disagree, which must not
     *                        pass unnoticed
     */
    public boolean fillIfEmpty() throws IOException, InterruptedException {
        String token = accessToken(DemoAccount.ADMIN);
        if (hasProducts(token)) {
            return false;
        }
        List<DemoAssortment.Category> categories = DemoAssortment.categories();
        int created = createCategories(token, categories);
        DemoCatalogCsv csv = DemoCatalogCsv.generate(DemoCatalogCsv.SEED, DemoCatalogCsv.PRODUCTS);
        byte[] body = csv.text().getBytes(StandardCharsets.UTF_8);
        console.printf("  %-16s %d categories (%d created); importing %,d products with %,d SKUs (%.1f MB of CSV)%n",
                COMPONENT, categories.size(), created, csv.products(), csv.skus(), body.length / 1e6);

        long began = System.nanoTime();
        ImportReport report = importProducts(token, body);
        console.printf("  %-16s imported in %s: %,d rows; products %,d created, %,d updated; SKUs %,d created, "
                        + "%,d updated; %,d rows rejected%n", COMPONENT, Elapsed.since(began), report.rows(),
                report.productsCreated(), report.productsUpdated(), report.skusCreated(), report.skusUpdated(),
                report.rejectedRows());
        if (report.rejectedRows() > 0) {
            throw new StartupFailure(COMPONENT, rejection(report), null);
        }
        return true;
    }

    private String accessToken(DemoAccount account) throws IOException, InterruptedException {
        String form = account.passwordGrant().entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        JsonObject tokens = parse(send(HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)))).asJsonObject();
        return tokens.getString("access_token");
    }

    // The staff list counts drafts too, so a catalog holding only drafts is not filled a second time. Accepts a bare
    // array or a page object such as {"items": [...]}: any non-empty array means products.
    private boolean hasProducts(String token) throws IOException, InterruptedException {
        JsonStructure page = parse(send(HttpRequest.newBuilder(catalog.resolve("/api/staff/products?limit=1"))
                .header("Authorization", "Bearer " + token)
                .GET()));
        if (page instanceof JsonArray items) {
            return !items.isEmpty();
        }
        return page.asJsonObject().values().stream()
                .anyMatch(value -> value.getValueType() == JsonValue.ValueType.ARRAY && !value.asJsonArray().isEmpty());
    }

    /**
     * Creates the categories that do not exist yet, parents first, and returns how many it created. A slug that
     * exists (409, e.g. from an earlier, interrupted start) is reused, so this can run any number of times.
     */
    private int createCategories(String token, List<DemoAssortment.Category> categories)
            throws IOException, InterruptedException {
        Map<String, String> idsBySlug = existingCategories();
        int created = 0;
        for (DemoAssortment.Category category : categories) {
            if (idsBySlug.containsKey(category.slug())) {
                continue;
            }
            JsonObjectBuilder input = Json.createObjectBuilder()
                    .add("slug", category.slug())
                    .add("name", category.name());
            if (category.parentSlug() != null) {
                input.add("parentId", idsBySlug.get(category.parentSlug()));
            }
            HttpRequest request = HttpRequest.newBuilder(catalog.resolve("/api/categories"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(REQUEST_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString(input.build().toString()))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 409) {
                idsBySlug = existingCategories();
                if (!idsBySlug.containsKey(category.slug())) {
                    throw new IOException("POST " + request.uri() + " answered 409 for slug '" + category.slug()
                            + "', but no category has it: " + response.body());
                }
            } else {
                idsBySlug.put(category.slug(), parse(requireSuccess(request, response)).asJsonObject().getString("id"));
                created++;
            }
        }
        return created;
    }

    private Map<String, String> existingCategories() throws IOException, InterruptedException {
        Map<String, String> idsBySlug = new HashMap<>();
        for (JsonValue category : parse(send(HttpRequest.newBuilder(catalog.resolve("/api/categories")).GET()))
                .asJsonArray()) {
            idsBySlug.put(category.asJsonObject().getString("slug"), category.asJsonObject().getString("id"));
        }
        return idsBySlug;
    }

    /** One request for the whole file; the key, from its content, makes a repeated upload replay the first answer. */
    private ImportReport importProducts(String token, byte[] csv) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(catalog.resolve("/api/imports/products"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv; charset=UTF-8")
                .header("Idempotency-Key", "demo-catalog-" + sha256(csv).substring(0, 16))
                .timeout(IMPORT_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                .build();
        JsonObject report = parse(requireSuccess(request, http.send(request, HttpResponse.BodyHandlers.ofString())))
                .asJsonObject();
        List<String> errors = report.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(DemoCatalog::describeError)
                .toList();
        return new ImportReport(report.getInt("rows"), report.getInt("productsCreated"),
                report.getInt("productsUpdated"), report.getInt("skusCreated"), report.getInt("skusUpdated"),
                report.getInt("rejectedRows"), errors);
    }

    // column is absent when the whole row is at fault.
    private static String describeError(JsonObject error) {
        String column = error.get("column") instanceof JsonString name ? " (" + name.getString() + ")" : "";
        return "line " + error.getJsonNumber("line").longValue() + column + ": " + error.getString("message");
    }

    private static String rejection(ImportReport report) {
        StringBuilder message = new StringBuilder("import rejected %,d of %,d rows; the other products were imported."
                .formatted(report.rejectedRows(), report.rows()));
        message.append(" Fix DemoCatalogCsv or the import, then start with an empty data directory to import again.");
        report.errors().stream().limit(ERRORS_SHOWN).forEach(error -> message.append("\n  ").append(error));
        if (report.errors().size() > ERRORS_SHOWN) {
            message.append("\n  … and ").append(report.errors().size() - ERRORS_SHOWN).append(" more errors");
        }
        return message.toString();
    }

    private String send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpRequest request = builder.timeout(REQUEST_TIMEOUT).build();
        return requireSuccess(request, http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static String requireSuccess(HttpRequest request, HttpResponse<String> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException("%s %s answered %d: %s".formatted(
                    request.method(), request.uri(), response.statusCode(), response.body()));
        }
        return response.body();
    }

    private static JsonStructure parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.read();
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
