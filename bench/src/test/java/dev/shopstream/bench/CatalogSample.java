package dev.shopstream.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the benchmarks know about the catalog under test, collected before measuring through the public API: every
 * listed product id (walking the listing to its end, so details spread over the whole catalog), the category ids,
 * the colours products have, and search queries made of words from the product names — the demo catalog's word
 * lists, whatever they are. From these it draws the random parameters of list, search and detail requests. The
 * same client then warms the server up (JIT, connection pools, database caches) outside Gatling's statistics.
 */
final class CatalogSample {

    static final int PAGE_SIZE = 20;

    private static final int WALK_PAGE_SIZE = 100;
    private static final int QUERIES = 2000;
    private static final long QUERY_SEED = 4;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    // A page is {"items":[{"id":"<uuid>","name":"…","attributes":{"colour":"red",…},…}],"nextCursor":"…"}. JSON
    // strings cannot hold a bare quote, so these cannot match inside a product's name or description.
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern COLOUR = Pattern.compile("\"colour\"\\s*:\\s*\"([^\"\\\\]+)\"");
    private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");

    private static final List<String> LIST_ORDERS = List.of("newest", "price-asc", "price-desc", "name");
    private static final List<String> SEARCH_ORDERS = List.of("price-asc", "price-desc", "newest");
    private static final List<String> OTHER_CURRENCIES = List.of("USD", "GBP");
    /** Price bands in minor units, as shoppers pick them: under 25, 25–50, 50–100, 100–250, 250 and more. */
    private static final List<long[]> PRICE_BANDS = List.of(new long[]{0, 2_500}, new long[]{2_500, 5_000},
            new long[]{5_000, 10_000}, new long[]{10_000, 25_000}, new long[]{25_000, -1});

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI catalog;
    private final List<String> productIds = new ArrayList<>();
    private final List<String> categoryIds = new ArrayList<>();
    private final List<String> colours = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();

    CatalogSample(URI catalog) {
        this.catalog = catalog;
    }

    /**
     * Walks the listing newest first to its last page and reads the categories. Fails unless the catalog has more
     * than one page of products, which the browse scenario needs to follow {@code nextCursor}, and categories.
     */
    void collect() {
        List<String> names = new ArrayList<>();
        Set<String> colourSet = new LinkedHashSet<>();
        String cursor = null;
        do {
            String page = get("/api/products?limit=" + WALK_PAGE_SIZE + (cursor == null ? "" : "&cursor=" + cursor), 200);
            ID.matcher(page).results().map(match -> match.group(1)).forEach(productIds::add);
            NAME.matcher(page).results().map(match -> match.group(1)).forEach(names::add);
            COLOUR.matcher(page).results().map(match -> match.group(1)).forEach(colourSet::add);
            cursor = firstGroup(NEXT_CURSOR.matcher(page)).orElse(null);
        } while (cursor != null);
        if (productIds.size() <= PAGE_SIZE) {
            throw new IllegalStateException("The catalog at " + catalog + " lists " + productIds.size()
                    + " products; the benchmarks need more than " + PAGE_SIZE + ": start the platform with an empty "
                    + "data directory, and it imports the 10,000-product demo catalog.");
        }
        ID.matcher(get("/api/categories", 200)).results().map(match -> match.group(1)).forEach(categoryIds::add);
        if (categoryIds.isEmpty()) {
            throw new IllegalStateException("The catalog at " + catalog + " has no categories to filter by.");
        }
        colours.addAll(colourSet);
        queries.addAll(queriesFrom(names));
    }

    /**
     * Sends {@code requests} requests outside the statistics, cycling through product detail, a filtered listing,
     * a search, the first listing page and ping.
     */
    void warmUp(int requests) {
        for (int sent = 0; sent < requests; sent++) {
            switch (sent % 5) {
                case 0 -> get("/api/products/" + randomProductId() + "?currency=EUR", 200);
                case 1 -> get("/api/products?" + queryString(filteredListParameters()), 200);
                case 2 -> get("/api/search?" + queryString(searchParameters(sent % 2 == 0)), 200);
                case 3 -> get("/api/products?limit=" + PAGE_SIZE, 200);
                default -> get("/api/ping", 204);
            }
        }
    }

    String randomProductId() {
        return pick(productIds);
    }

    /**
     * A shopper narrowing the listing: usually a category, an order, and now and then a price band, in stock only,
     * a colour or another currency; always at least one filter.
     */
    Map<String, Object> filteredListParameters() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("limit", PAGE_SIZE);
        if (random.nextInt(100) < 70) {
            parameters.put("categoryId", pick(categoryIds));
        }
        parameters.put("sort", pick(LIST_ORDERS));
        if (random.nextInt(100) < 30) {
            addPriceBand(parameters);
        }
        if (random.nextInt(100) < 30) {
            parameters.put("inStock", true);
        }
        if (!colours.isEmpty() && random.nextInt(100) < 15) {
            parameters.put("attr", "colour:" + pick(colours));
        }
        if (random.nextInt(100) < 15) {
            parameters.put("currency", pick(OTHER_CURRENCIES));
        }
        if (parameters.size() == 2 && parameters.get("sort").equals("newest")) {
            parameters.put("categoryId", pick(categoryIds));
        }
        return parameters;
    }

    /** Half the time the first page as it opens, half the time narrowed ({@link #filteredListParameters()}). */
    Map<String, Object> anyListParameters() {
        return ThreadLocalRandom.current().nextBoolean() ? Map.of("limit", PAGE_SIZE) : filteredListParameters();
    }

    /** Words from product names; filtered adds a category, price band, in-stock, colour or order, at least one. */
    Map<String, Object> searchParameters(boolean filtered) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("q", pick(queries));
        parameters.put("limit", PAGE_SIZE);
        if (!filtered) {
            return parameters;
        }
        if (random.nextInt(100) < 50) {
            parameters.put("categoryId", pick(categoryIds));
        }
        if (random.nextInt(100) < 40) {
            addPriceBand(parameters);
        }
        if (random.nextInt(100) < 30) {
            parameters.put("sort", pick(SEARCH_ORDERS));
        }
        if (!colours.isEmpty() && random.nextInt(100) < 10) {
            parameters.put("attr", "colour:" + pick(colours));
        }
        if (parameters.size() == 2 || random.nextInt(100) < 30) {
            parameters.put("inStock", true);
        }
        return parameters;
    }

    Map<String, Object> anySearchParameters() {
        return searchParameters(ThreadLocalRandom.current().nextBoolean());
    }

    int productCount() {
        return productIds.size();
    }

    int categoryCount() {
        return categoryIds.size();
    }

    int queryCount() {
        return queries.size();
    }

    /** A few examples, for the log. */
    List<String> exampleQueries() {
        return queries.subList(0, Math.min(6, queries.size()));
    }

    /**
     * Queries as shoppers type them, drawn with a fixed seed so runs compare: one word of a name, two neighbouring
     * words ({@code dome tent}), or the start of a longer word ({@code sleep}), which the search matches as a prefix.
     */
    private static List<String> queriesFrom(List<String> names) {
        Random random = new Random(QUERY_SEED);
        List<String> queries = new ArrayList<>();
        for (int attempt = 0; attempt < QUERIES * 4 && queries.size() < QUERIES && !names.isEmpty(); attempt++) {
            List<String> words = WORD.matcher(names.get(random.nextInt(names.size()))).results()
                    .map(match -> match.group().toLowerCase(Locale.ROOT)).toList();
            if (words.isEmpty()) {
                continue;
            }
            int first = random.nextInt(words.size());
            String word = words.get(first);
            switch (random.nextInt(3)) {
                case 0 -> queries.add(word);
                case 1 -> queries.add(first + 1 < words.size() ? word + " " + words.get(first + 1) : word);
                default -> queries.add(word.length() >= 6 ? word.substring(0, 4 + random.nextInt(2)) : word);
            }
        }
        if (queries.isEmpty()) {
            throw new IllegalStateException("No product names to take search words from.");
        }
        return queries;
    }

    private void addPriceBand(Map<String, Object> parameters) {
        long[] band = pick(PRICE_BANDS);
        parameters.put("minPrice", band[0]);
        if (band[1] > 0) {
            parameters.put("maxPrice", band[1] - 1);
        }
    }

    private static String queryString(Map<String, Object> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static <T> T pick(List<T> choices) {
        return choices.get(ThreadLocalRandom.current().nextInt(choices.size()));
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
                    + "(bench/README.md)");
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
