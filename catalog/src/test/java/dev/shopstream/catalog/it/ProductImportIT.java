package dev.shopstream.catalog.it;

import dev.shopstream.testkit.Api;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Bulk CSV import and export: per-line errors, whole products or nothing, a round trip, limits and roles. */
class ProductImportIT extends CatalogApiTest {

    private static final String HEADER = "product_slug,name,description,category_slug,status,prices,attributes,"
            + "image_urls,sku_code,sku_attributes,on_hand,low_stock_threshold\n";

    @Test
    void importsProductsWithSkusPricesAndStock() {
        String run = run();
        String category = CategoryIT.unique("import");
        CategoryIT.created(CategoryIT.category(category, "Imported", null));
        String csv = HEADER
                + "tee-" + run + ",\"Tee, organic\",Soft cotton," + category + ",ACTIVE,EUR:1999|USD:2199,"
                + "material=cotton,https://images.shopstream.dev/tee.jpg,TEE-" + run + "-S,size=S,5,1\n"
                + "tee-" + run + ",\"Tee, organic\",Soft cotton," + category + ",ACTIVE,EUR:1999|USD:2199,"
                + "material=cotton,https://images.shopstream.dev/tee.jpg,TEE-" + run + "-M,size=M,0,1\n"
                + "cap-" + run + ",Cap,,,DRAFT,EUR:999,,,,,,\n";

        JsonObject report = importCsv(csv, admin);

        assertThat(report.getInt("rows")).isEqualTo(3);
        assertThat(report.getInt("productsCreated")).isEqualTo(2);
        assertThat(report.getInt("skusCreated")).isEqualTo(2);
        assertThat(report.getInt("rejectedRows")).isZero();
        JsonObject tee = product("tee-" + run);
        assertThat(tee.getString("name")).isEqualTo("Tee, organic");
        assertThat(tee.getJsonArray("prices")).hasSize(2);
        assertThat(tee.getJsonObject("attributes").getString("material")).isEqualTo("cotton");
        JsonObject page = Api.json(api.get("/api/products/" + tee.getString("id"), null));
        assertThat(page.getJsonArray("skus").getValuesAs(JsonObject.class))
                .extracting(sku -> sku.getString("code") + "=" + sku.getInt("available"))
                .containsExactly("TEE-" + run + "-M=0", "TEE-" + run + "-S=5");
        assertThat(product("cap-" + run).getString("status")).isEqualTo("DRAFT");
    }

    @Test
    void badRowsAreReportedByLineAndTheirProductIsNotWrittenAtAll() {
        String run = run();
        String csv = HEADER
                + "good-" + run + ",Good,,,,EUR:100,,,GOOD-" + run + ",,3,\n"
                + "half-" + run + ",Half,,,,EUR:100,,,HALF-" + run + "-A,,3,\n"
                + "half-" + run + ",Half,,,,EUR:100,,,HALF-" + run + "-B,,-2,\n"
                + "cat-" + run + ",Lost,,no-such-category-" + run + ",,EUR:100,,,,,,\n"
                + "price-" + run + ",Priced,,,,EUR:ten,,,,,,\n"
                + "curr-" + run + ",Money,,,,XYZ:100,,,,,,\n"
                + "Bad Slug,Slug,,,,EUR:100,,,,,,\n"
                + "dup-" + run + ",Dup,,,,EUR:100,,,GOOD-" + run + ",,1,\n"
                + "short-" + run + ",Short\n";

        JsonObject report = importCsv(csv, admin);

        assertThat(report.getInt("productsCreated")).isEqualTo(1);
        assertThat(report.getInt("rejectedRows")).isEqualTo(8);
        assertThat(report.getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(error -> error.getInt("line") + ":" + error.getString("column", ""))
                .contains("4:on_hand", "5:category_slug", "6:prices", "7:prices", "8:product_slug", "9:sku_code", "10:");
        assertThat(Api.json(api.get("/api/staff/products?limit=100", admin)).getJsonArray("items")
                .getValuesAs(JsonObject.class)).extracting(item -> item.getString("slug"))
                .contains("good-" + run).doesNotContain("half-" + run, "dup-" + run);
        assertThat(api.get("/api/skus/HALF-" + run + "-A/stock", admin).statusCode())
                .as("the good row of a rejected product is not written either").isEqualTo(404);
    }

    @Test
    void aConflictInTheDatabaseRejectsOnlyItsOwnProduct() {
        String run = run();
        importCsv(HEADER + "first-" + run + ",First,,,,EUR:100,,,TAKEN-" + run + ",,1,\n", admin);
        String csv = HEADER
                + "before-" + run + ",Before,,,,EUR:100,,,,,,\n"
                + "thief-" + run + ",Thief,,,,EUR:100,,,TAKEN-" + run + ",,1,\n"
                + "after-" + run + ",After,,,,EUR:100,,,,,,\n";

        JsonObject report = importCsv(csv, admin);

        assertThat(report.getInt("productsCreated")).isEqualTo(2);
        assertThat(report.getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(error -> error.getInt("line")).containsExactly(3);
        assertThat(report.getJsonArray("errors").getJsonObject(0).getString("message")).contains("another product");
    }

    @Test
    void anExportImportsAgainWithoutChangingAnything() {
        String run = run();
        importCsv(HEADER + "round-" + run + ",Round trip,\"Quotes \"\"and\"\", commas\",,,EUR:500|GBP:450,"
                + "colour=green,,ROUND-" + run + ",size=L,4,2\n", admin);
        long version = product("round-" + run).getJsonNumber("version").longValue();

        HttpResponse<String> export = api.get("/api/exports/products", platform.tokens().token("sam", "support"));
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        String line = export.body().lines().filter(row -> row.startsWith("round-" + run)).findFirst().orElseThrow();
        assertThat(line).isEqualTo("round-" + run + ",Round trip,\"Quotes \"\"and\"\", commas\",,ACTIVE,EUR:500|GBP:450,"
                + "colour=green,,ROUND-" + run + ",size=L,4,2");
        JsonObject report = importCsv(export.body().lines().limit(1).findFirst().orElseThrow() + "\n" + line + "\n",
                admin);

        assertThat(report.getInt("productsUpdated")).isEqualTo(1);
        assertThat(report.getInt("rejectedRows")).isZero();
        assertThat(product("round-" + run).getJsonNumber("version").longValue()).isEqualTo(version);
    }

    @Test
    void unreadableFilesAreProblems() {
        assertProblem(post("name,prices\nX,EUR:1\n", "text/csv", admin), 400, "validation-failed");
        assertProblem(post(HEADER + "a,\"unclosed,EUR:1\n", "text/csv", admin), 400, "malformed-request");
        assertProblem(post(HEADER, "text/plain", admin), 415, "unsupported-media-type");
        String huge = HEADER + ("x," + "y".repeat(1000) + ",,,,EUR:1,,,,,,\n").repeat(17_000);
        assertProblem(post(huge, "text/csv", admin), 413, "payload-too-large");
    }

    @Test
    void onlyAdminsImportAndOnlyStaffExport() {
        assertThat(post(HEADER, "text/csv", platform.tokens().token("sam", "support")).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/exports/products", platform.tokens().token("carol", "customer")).statusCode())
                .isEqualTo(403);
        assertThat(api.get("/api/exports/products", null).statusCode()).isEqualTo(401);
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonObject importCsv(String csv, String token) {
        HttpResponse<String> response = post(csv, "text/csv", token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    private static HttpResponse<String> post(String body, String contentType, String token) {
        return api.send(api.request("/api/imports/products")
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonObject product(String slug) {
        List<JsonObject> items = Api.json(api.get("/api/staff/products?limit=100", admin)).getJsonArray("items")
                .getValuesAs(JsonObject.class);
        return items.stream().filter(item -> item.getString("slug").equals(slug)).findFirst().orElseThrow();
    }
}
