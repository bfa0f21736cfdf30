package dev.shopstream.catalog.it;

import dev.shopstream.testkit.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Drafts, updates with If-Match, archiving, category filters and the audit trail. */
class ProductLifecycleIT extends CatalogApiTest {

    @Test
    void draftIsVisibleToStaffOnly() {
        String id = create(product("Secret prototype", 100, "DRAFT", null)).getString("id");

        assertThat(api.get("/api/products/" + id, null).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/products/" + id, token("carol", "customer")).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/products?limit=100", null).body()).doesNotContain(id);
        assertThat(api.get("/api/staff/products/" + id, token("sam", "support")).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/staff/products?limit=100&status=DRAFT", token("sam", "support")).body()).contains(id);
    }

    @Test
    void theStaffViewIsForStaffOnly() {
        assertThat(api.get("/api/staff/products", null).statusCode()).isEqualTo(401);
        assertProblem(api.get("/api/staff/products", token("carol", "customer")), 403, "forbidden");
        assertThat(api.get("/api/staff/products?status=ARCHIVED", admin).statusCode()).isEqualTo(200);
    }

    @Test
    void updateWithTheCurrentETagReplacesDetailsAndAnnouncesThePriceChange() {
        HttpResponse<String> created = api.postJson("/api/products", product("Desk lamp", 4900, null, null), admin);
        JsonObject product = Api.json(created);
        String id = product.getString("id");
        String change = Products.change(product, "Desk lamp, brass", 5900);

        HttpResponse<String> updated = api.putJson("/api/products/" + id, change, admin,
                created.headers().firstValue("ETag").orElseThrow());

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(Api.json(updated).getString("name")).isEqualTo("Desk lamp, brass");
        assertThat(updated.headers().firstValue("ETag")).isNotEqualTo(created.headers().firstValue("ETag"));
        assertThat(Api.json(api.get("/api/products/" + id + "?currency=EUR", null)).getJsonObject("price")
                .getInt("amountMinor")).isEqualTo(5900);
        ConsumerRecord<String, String> priceChanged = ProductEventsIT.awaitRecord(id,
                "dev.shopstream.catalog.product.price-changed", Duration.ofSeconds(60)).orElseThrow();
        JsonObject data = Json.createReader(new StringReader(priceChanged.value())).readObject().getJsonObject("data");
        assertThat(data.getJsonArray("previousPrices").getJsonObject(0).getInt("amountMinor")).isEqualTo(4900);
        assertThat(data.getJsonArray("prices").getJsonObject(0).getInt("amountMinor")).isEqualTo(5900);
    }

    @Test
    void updateWithoutOrWithAStaleETagIsRefusedAndChangesNothing() {
        HttpResponse<String> created = api.postJson("/api/products", product("Stool", 2500, null, null), admin);
        JsonObject product = Api.json(created);
        String path = "/api/products/" + product.getString("id");

        assertProblem(api.putJson(path, Products.change(product, "Stool v2", 2600), admin, null),
                428, "precondition-required");
        assertProblem(api.putJson(path, Products.change(product, "Stool v2", 2600), admin, "\"999\""),
                412, "precondition-failed");
        assertThat(Api.json(api.get(path, null)).getString("name")).isEqualTo("Stool");
    }

    @Test
    void updateRefusesUnknownProductsCategoriesArchivingAndTakenSlugs() {
        JsonObject first = create(product("Slug owner", 100, null, null));
        HttpResponse<String> created = api.postJson("/api/products", product("Slug taker", 100, null, null), admin);
        JsonObject second = Api.json(created);
        String etag = created.headers().firstValue("ETag").orElseThrow();
        String path = "/api/products/" + second.getString("id");

        assertProblem(api.putJson("/api/products/" + UUID.randomUUID(), Products.change(second, "X", 1), admin, etag),
                404, "not-found");
        assertProblem(api.putJson(path, with(second, "categoryId", UUID.randomUUID().toString()), admin, etag),
                422, "unprocessable");
        assertProblem(api.putJson(path, with(second, "status", "ARCHIVED"), admin, etag), 422, "unprocessable");
        assertProblem(api.putJson(path, with(second, "slug", first.getString("slug")), admin, etag),
                409, "conflict");
        assertProblem(api.postJson("/api/products",
                product("Copycat", 100, null, null).replaceFirst("\\{", "{\"slug\":\"" + first.getString("slug") + "\","),
                admin), 409, "conflict");
    }

    @Test
    void archivedProductDisappearsForThePublicAndCannotChange() {
        HttpResponse<String> created = api.postJson("/api/products", product("Old kettle", 1500, null, null), admin);
        String id = Api.json(created).getString("id");

        assertThat(api.postJson("/api/products/" + id + "/archive", "", token("carol", "customer")).statusCode())
                .isEqualTo(403);
        HttpResponse<String> archived = api.postJson("/api/products/" + id + "/archive", "", admin);

        assertThat(archived.statusCode()).isEqualTo(200);
        assertThat(Api.json(archived).getString("status")).isEqualTo("ARCHIVED");
        assertThat(api.get("/api/products/" + id, null).statusCode()).isEqualTo(404);
        assertThat(api.postJson("/api/products/" + id + "/archive", "", admin).statusCode()).as("idempotent")
                .isEqualTo(200);
        assertProblem(api.putJson("/api/products/" + id, Products.change(Api.json(archived), "Revived", 1), admin,
                archived.headers().firstValue("ETag").orElseThrow()), 409, "conflict");
        assertThat(ProductEventsIT.awaitRecord(id, "dev.shopstream.catalog.product.archived", Duration.ofSeconds(60)))
                .isPresent();
    }

    @Test
    void categoryFilterIncludesSubCategories() {
        JsonObject kitchen = CategoryIT.created(CategoryIT.category(CategoryIT.unique("kitchen"), "Kitchen", null));
        JsonObject knives = CategoryIT.created(
                CategoryIT.category(CategoryIT.unique("knives"), "Knives", kitchen.getString("id")));
        String pan = create(product("Pan", 3000, null, kitchen.getString("id"))).getString("id");
        String knife = create(product("Chef knife", 8000, null, knives.getString("id"))).getString("id");
        String other = create(product("Uncategorised", 100, null, null)).getString("id");

        assertThat(ids("/api/products?limit=100&categoryId=" + kitchen.getString("id")))
                .containsExactlyInAnyOrder(pan, knife).doesNotContain(other);
        assertThat(ids("/api/products?limit=100&categoryId=" + knives.getString("id"))).containsExactly(knife);
        assertThat(ids("/api/products?categoryId=" + UUID.randomUUID())).isEmpty();
        assertThat(ids("/api/staff/products?limit=100&categoryId=" + knives.getString("id"))).containsExactly(knife);
    }

    @Test
    void adminsCanReadWhoChangedWhat() {
        HttpResponse<String> created = api.postJson("/api/products", product("Audited chair", 9900, null, null), admin);
        JsonObject product = Api.json(created);
        String id = product.getString("id");
        api.putJson("/api/products/" + id, Products.change(product, "Audited chair", 10900), admin,
                created.headers().firstValue("ETag").orElseThrow());

        HttpResponse<String> trail = api.get("/api/audit?entityType=product&entityId=" + id, admin);

        assertThat(trail.statusCode()).isEqualTo(200);
        List<JsonObject> records = Api.json(trail).getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(records).extracting(record -> record.getString("action"))
                .containsExactly("product.updated", "product.created");
        JsonObject update = records.get(0);
        assertThat(update.getString("actor")).isEqualTo("alice");
        assertThat(update.getJsonObject("changes").getJsonObject("prices").getJsonArray("to").getJsonObject(0)
                .getInt("amountMinor"))
                .isEqualTo(10900);
        assertThat(update.getJsonObject("changes").containsKey("name")).as("unchanged fields are not listed").isFalse();
        assertThat(api.get("/api/audit", token("sam", "support")).statusCode()).isEqualTo(403);
    }

    private static String token(String user, String role) {
        return platform.tokens().token(user, role);
    }

    private static JsonObject create(String body) {
        HttpResponse<String> response = api.postJson("/api/products", body, admin);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Api.json(response);
    }

    private static List<String> ids(String path) {
        return Api.json(api.get(path, token("sam", "support"))).getJsonArray("items").getValuesAs(JsonObject.class)
                .stream().map(item -> item.getString("id")).toList();
    }

    private static String product(String name, long amountMinor, String status, String categoryId) {
        JsonObjectBuilder body = Json.createObjectBuilder(Json.createReader(
                new StringReader(Products.body(name, amountMinor, "EUR"))).readObject());
        if (status != null) {
            body.add("status", status);
        }
        if (categoryId != null) {
            body.add("categoryId", categoryId);
        }
        return body.build().toString();
    }

    private static String with(JsonObject product, String field, String value) {
        JsonObject change = Json.createReader(new StringReader(Products.change(product, product.getString("name"),
                product.getJsonArray("prices").getJsonObject(0).getInt("amountMinor")))).readObject();
        return Json.createObjectBuilder(change).add(field, value).build().toString();
    }
}
