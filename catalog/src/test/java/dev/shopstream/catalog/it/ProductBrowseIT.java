package dev.shopstream.catalog.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.catalog.api.PublicProductView;
import dev.shopstream.commons.money.Money;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static dev.shopstream.testkit.Problems.fields;
import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Prices per currency, attributes and images, and the public list's filters and sort orders. */
class ProductBrowseIT extends CatalogApiTest {

    private static String category;
    private static String redKettle;
    private static String blueKettle;
    private static String euroOnlyMug;

    @BeforeAll
    static void products() {
        category = CategoryIT.created(CategoryIT.category(CategoryIT.unique("browse"), "Browse", null)).getString("id");
        redKettle = create("Kettle red", prices("EUR", 4500, "USD", 4900), "colour", "red", "finish", "glossy");
        blueKettle = create("Kettle blue", prices("EUR", 3900, "USD", 5200), "colour", "blue", "finish", "matte");
        euroOnlyMug = create("Mug", prices("EUR", 900), "colour", "red", "finish", "stoneware");
        HttpResponse<String> sku = api.postJson("/api/skus", Json.createObjectBuilder().add("productId", blueKettle)
                .add("code", "BLUE-" + UUID.randomUUID().toString().substring(0, 8)).add("onHand", 2).build().toString(),
                admin);
        assertThat(sku.statusCode()).as(sku.body()).isEqualTo(201);
    }

    @Test
    void aProductHasAPricePerCurrencyAndNeverAZeroForAMissingOne() {
        JsonObject page = Api.json(api.get("/api/products/" + redKettle + "?currency=USD", null));

        assertThat(page.getJsonObject("price").getInt("amountMinor")).isEqualTo(4900);
        assertThat(page.getJsonArray("prices").getValuesAs(JsonObject.class))
                .extracting(price -> price.getString("currency") + price.getInt("amountMinor"))
                .containsExactly("EUR4500", "USD4900");
        assertThat(page.getJsonObject("attributes").getString("colour")).isEqualTo("red");
        assertThat(page.getJsonArray("imageUrls").getString(0)).startsWith("https://images.shopstream.dev/");
        assertProblem(api.get("/api/products/" + euroOnlyMug + "?currency=USD", null), 404, "not-found");
        assertProblem(api.get("/api/products/" + euroOnlyMug + "?currency=XYZ", null), 400,
                "validation-failed");
    }

    @Test
    void theProductPageHasTheDocumentedPropertiesAndTimesAsEveryOtherView() {
        JsonObject page = Api.json(api.get("/api/products/" + blueKettle + "?currency=USD", null));

        assertThat(page.keySet()).containsExactlyInAnyOrderElementsOf(propertiesOf(PublicProductView.class));
        assertThat(page.getJsonArray("skus").getJsonObject(0).keySet())
                .containsExactlyInAnyOrderElementsOf(propertiesOf(PublicProductView.SkuView.class));
        assertThat(page.getJsonObject("price").keySet()).containsExactlyInAnyOrderElementsOf(propertiesOf(Money.class));
        assertThat(page.getString("updatedAt"))
                .isEqualTo(Api.json(api.get("/api/staff/products/" + blueKettle, admin)).getString("updatedAt"));
    }

    @Test
    void theListShowsProductsPricedInTheShoppersCurrencyWithThatPrice() {
        List<JsonObject> items = items("currency=USD&categoryId=" + category);

        assertThat(items).extracting(item -> item.getString("id")).containsExactlyInAnyOrder(redKettle, blueKettle);
        assertThat(items).extracting(item -> item.getJsonObject("price").getString("currency")).containsOnly("USD");
    }

    @Test
    void filtersByPriceRangeAttributesAndStock() {
        assertThat(ids("categoryId=" + category + "&minPrice=1000&maxPrice=4000")).containsExactly(blueKettle);
        assertThat(ids("categoryId=" + category + "&attr=colour:red")).containsExactlyInAnyOrder(redKettle, euroOnlyMug);
        assertThat(ids("categoryId=" + category + "&attr=colour:red&attr=finish:glossy")).containsExactly(redKettle);
        assertThat(ids("categoryId=" + category + "&inStock=true")).containsExactly(blueKettle);
    }

    @Test
    void sortOrdersAreStableAcrossPages() {
        assertThat(allPages("sort=price-asc")).containsExactly(euroOnlyMug, blueKettle, redKettle);
        assertThat(allPages("sort=price-desc")).containsExactly(redKettle, blueKettle, euroOnlyMug);
        assertThat(allPages("sort=name")).containsExactly(blueKettle, redKettle, euroOnlyMug);
        assertThat(allPages("sort=price-asc&currency=USD")).containsExactly(redKettle, blueKettle);
        assertThat(allPages("sort=newest")).containsExactly(euroOnlyMug, blueKettle, redKettle);
    }

    @Test
    void searchFindsAttributeValues() {
        List<String> hits = Api.json(api.get("/api/search?q=stoneware&categoryId=" + category, null))
                .getJsonArray("items").getValuesAs(JsonObject.class).stream().map(item -> item.getString("id")).toList();

        assertThat(hits).containsExactly(euroOnlyMug);
    }

    @Test
    void badBrowsingParametersAreProblems() {
        assertProblem(api.get("/api/products?sort=cheapest", null), 400, "validation-failed");
        assertProblem(api.get("/api/products?sort=relevance", null), 400, "validation-failed");
        assertProblem(api.get("/api/products?attr=colour", null), 400, "validation-failed");
        assertProblem(api.get("/api/products?minPrice=-1", null), 400, "validation-failed");
        String cursor = Api.json(api.get("/api/products?limit=1&sort=name&categoryId=" + category, null))
                .getString("nextCursor");
        assertProblem(api.get("/api/products?sort=price-asc&cursor=" + cursor, null), 400,
                "validation-failed");
    }

    @Test
    void badPricesAttributesAndImagesAreRefused() {
        JsonObject twoEuros = product("Twice", prices("EUR", 100, "EUR", 200), "colour", "red");
        assertProblem(api.postJson("/api/products", twoEuros.toString(), admin), 422, "unprocessable");
        JsonObject noPrices = product("Free", Json.createArrayBuilder(), "colour", "red");
        assertThat(invalidFields(api.postJson("/api/products", noPrices.toString(), admin))).containsExactly("prices");
        JsonObject badKey = product("Odd", prices("EUR", 100), "Colour!", "red");
        assertThat(invalidFields(api.postJson("/api/products", badKey.toString(), admin))).containsExactly("attributes");
        JsonObject plainHttp = Json.createObjectBuilder(product("Insecure", prices("EUR", 100), "colour", "red"))
                .add("imageUrls", Json.createArrayBuilder().add("http://example.com/a.jpg")).build();
        assertThat(invalidFields(api.postJson("/api/products", plainHttp.toString(), admin))).containsExactly("imageUrls[0]");
    }

    private static List<String> invalidFields(HttpResponse<String> response) {
        return fields(assertProblem(response, 400, "validation-failed"));
    }

    private static List<String> allPages(String query) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = Api.json(api.get("/api/products?limit=1&categoryId=" + category + "&" + query
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), null));
            page.getJsonArray("items").getValuesAs(JsonObject.class).forEach(item -> seen.add(item.getString("id")));
            cursor = page.containsKey("nextCursor") ? page.getString("nextCursor") : null;
        } while (cursor != null);
        return seen;
    }

    private static List<String> ids(String query) {
        return items(query).stream().map(item -> item.getString("id")).toList();
    }

    private static List<JsonObject> items(String query) {
        HttpResponse<String> response = api.get("/api/products?" + query, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static JsonArrayBuilder prices(Object... currencyAndAmount) {
        JsonArrayBuilder prices = Json.createArrayBuilder();
        for (int i = 0; i < currencyAndAmount.length; i += 2) {
            prices.add(Json.createObjectBuilder().add("currency", (String) currencyAndAmount[i])
                    .add("amountMinor", (Integer) currencyAndAmount[i + 1]));
        }
        return prices;
    }

    private static List<String> propertiesOf(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static JsonObject product(String name, JsonArrayBuilder prices, String... attributes) {
        JsonObjectBuilder attributeObject = Json.createObjectBuilder();
        for (int i = 0; i < attributes.length; i += 2) {
            attributeObject.add(attributes[i], attributes[i + 1]);
        }
        String image = "https://images.shopstream.dev/it/" + name.replace(' ', '-') + ".jpg";
        return Json.createObjectBuilder().add("name", name).add("description", name + ", for the browse tests")
                .add("prices", prices).add("categoryId", category)
                .add("attributes", attributeObject).add("imageUrls", Json.createArrayBuilder().add(image)).build();
    }

    private static String create(String name, JsonArrayBuilder prices, String... attributes) {
        HttpResponse<String> created = api.postJson("/api/products", product(name, prices, attributes).toString(), admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.json(created).getString("id");
    }
}
