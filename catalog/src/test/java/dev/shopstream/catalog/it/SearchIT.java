package dev.shopstream.catalog.it;

import dev.shopstream.testkit.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Full-text search with ranking, prefixes, filters and facets over products made for this test. */
class SearchIT extends CatalogApiTest {

    /** A made-up word no other test uses, so the searches below see only this class's products. */
    private static final String WORD = "zq" + new Random().ints(8, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);

    private static String kitchen;
    private static String inName;
    private static String inDescription;
    private static String stocked;

    @BeforeAll
    static void products() {
        kitchen = CategoryIT.created(CategoryIT.category(CategoryIT.unique("search-kitchen"), "Kitchen", null))
                .getString("id");
        inName = create(WORD + " kettle", "Boils water fast", 4500, kitchen, "ACTIVE");
        inDescription = create("Teapot", "Pairs well with the " + WORD + " kettle", 1500, kitchen, "ACTIVE");
        stocked = create(WORD + " mug", "Stoneware", 800, null, "ACTIVE");
        create(WORD + " prototype", "Not on sale yet", 100, null, "DRAFT");
        api.postJson("/api/skus", Json.createObjectBuilder().add("productId", stocked)
                .add("code", "MUG-" + WORD).add("onHand", 3).build().toString(), admin);
    }

    @Test
    void nameMatchesRankAboveDescriptionMatchesAndDraftsStayHidden() {
        List<String> hits = ids(search("q=" + WORD));

        assertThat(hits).hasSize(3);
        assertThat(hits.subList(0, 2)).as("matches in the name").containsExactlyInAnyOrder(inName, stocked);
        assertThat(hits.get(2)).as("match in the description").isEqualTo(inDescription);
    }

    @Test
    void everyWordMatchesAsAPrefix() {
        assertThat(ids(search("q=" + WORD.substring(0, 6) + "+kett"))).containsExactlyInAnyOrder(inName, inDescription);
    }

    @Test
    void aPrefixTheStemmerWouldRewriteStillMatches() {
        // English stemming turns a typed "...ky" into "...ki", which is no prefix of the stored "...kydrant".
        String word = "zx" + WORD.substring(2, 7) + "k";
        String hydrant = create(word + "ydrant", "A made-up word", 2500, null, "ACTIVE");

        assertThat(ids(search("q=" + word + "y"))).containsExactly(hydrant);
    }

    @Test
    void filtersNarrowTheMatches() {
        assertThat(ids(search("q=" + WORD + "&categoryId=" + kitchen))).containsExactlyInAnyOrder(inName, inDescription);
        assertThat(ids(search("q=" + WORD + "&minPrice=1000&maxPrice=2000&currency=EUR"))).containsExactly(inDescription);
        assertThat(ids(search("q=" + WORD + "&inStock=true"))).containsExactly(stocked);
    }

    @Test
    void facetsCountAllMatchesPerCategoryAndPriceBand() {
        JsonObject facets = search("q=" + WORD + "&limit=1").getJsonObject("facets");

        assertThat(facets.getJsonArray("categories").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("categoryId") + "=" + c.getInt("count"))
                .containsExactly(kitchen + "=2");
        assertThat(facets.getJsonArray("priceBands").getValuesAs(JsonObject.class))
                .extracting(band -> band.getInt("fromMinor") + ":" + band.getInt("count"))
                .containsExactly("0:1", "1000:1", "2500:1", "5000:0", "10000:0", "25000:0");
    }

    @Test
    void pagesFollowTheRankingWithoutRepeats() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = search("q=" + WORD + "&limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(ids(page));
            cursor = page.containsKey("nextCursor") ? page.getString("nextCursor") : null;
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(ids(search("q=" + WORD)));
    }

    @Test
    void badSearchesAreRefused() {
        assertProblem(api.get("/api/search", null), 400, "validation-failed");
        assertProblem(api.get("/api/search?q=x&currency=XYZ", null), 400, "validation-failed");
        assertProblem(api.get("/api/search?q=x&minPrice=-5", null), 400, "validation-failed");
        assertThat(ids(search("q=%26%7C%21%3A*()"))).as("query syntax in the text is harmless").isEmpty();
    }

    private static JsonObject search(String query) {
        HttpResponse<String> response = api.get("/api/search?" + query, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("id")).toList();
    }

    private static String create(String name, String description, long price, String categoryId, String status) {
        var body = Json.createObjectBuilder(Json.createReader(new StringReader(Products.body(name, price, "EUR")))
                .readObject()).add("description", description).add("status", status);
        if (categoryId != null) {
            body.add("categoryId", categoryId);
        }
        HttpResponse<String> created = api.postJson("/api/products", body.build().toString(), admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.json(created).getString("id");
    }
}
