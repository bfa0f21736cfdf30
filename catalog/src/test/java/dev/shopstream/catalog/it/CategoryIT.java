package dev.shopstream.catalog.it;

import dev.shopstream.testkit.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.UUID;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class CategoryIT extends CatalogApiTest {

    @Test
    void categoriesFormATreeEveryoneCanRead() {
        JsonObject shoes = created(category(unique("shoes"), "Shoes", null));
        JsonObject trail = created(category(unique("trail"), "Trail shoes", shoes.getString("id")));

        HttpResponse<String> read = api.get("/api/categories/" + trail.getString("id"), null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(Api.json(read).getString("parentId")).isEqualTo(shoes.getString("id"));
        assertThat(api.get("/api/categories", null).body()).contains(shoes.getString("id"), trail.getString("id"));
    }

    @Test
    void duplicateSlugIsAConflict() {
        String slug = unique("dup");
        created(category(slug, "First", null));

        assertProblem(api.postJson("/api/categories", category(slug, "Second", null), admin), 409, "conflict");
    }

    @Test
    void unknownParentIsRefused() {
        assertProblem(api.postJson("/api/categories",
                category(unique("orphan"), "Orphan", UUID.randomUUID().toString()), admin), 422, "unprocessable");
    }

    @Test
    void badSlugIsAValidationError() {
        assertProblem(api.postJson("/api/categories", category("Not A Slug", "Bad", null), admin),
                400, "validation-failed");
    }

    @Test
    void onlyAdminsMayCreate() {
        assertThat(api.postJson("/api/categories", category(unique("x"), "X", null),
                platform.tokens().token("sam", "support")).statusCode()).isEqualTo(403);
    }

    @Test
    void updatesNeedTheCurrentETag() {
        HttpResponse<String> created = api.postJson("/api/categories", category(unique("lamps"), "Lamps", null), admin);
        String id = Api.json(created).getString("id");
        String etag = created.headers().firstValue("ETag").orElseThrow();
        String renamed = category(unique("lamps"), "Lamps and lights", null);

        assertProblem(api.putJson("/api/categories/" + id, renamed, admin, null), 428, "precondition-required");
        HttpResponse<String> updated = api.putJson("/api/categories/" + id, renamed, admin, etag);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(Api.json(updated).getString("name")).isEqualTo("Lamps and lights");
        assertThat(updated.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
        assertProblem(api.putJson("/api/categories/" + id, renamed, admin, etag), 412, "precondition-failed");
    }

    @Test
    void aCategoryCannotMoveBelowItsOwnDescendant() {
        JsonObject top = created(category(unique("top"), "Top", null));
        JsonObject child = created(category(unique("child"), "Child", top.getString("id")));

        HttpResponse<String> cycle = api.putJson("/api/categories/" + top.getString("id"),
                category(top.getString("slug"), "Top", child.getString("id")), admin, etagOf(top));

        assertProblem(cycle, 422, "unprocessable");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String category(String slug, String name, String parentId) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("slug", slug).add("name", name);
        if (parentId != null) {
            body.add("parentId", parentId);
        }
        return body.build().toString();
    }

    @Test
    void onlyAnEmptyCategoryCanBeArchivedAndThenTakesNothingNew() {
        JsonObject parent = created(category(unique("seasonal"), "Seasonal", null));
        JsonObject child = created(category(unique("winter"), "Winter", parent.getString("id")));
        String product = Api.json(api.postJson("/api/products", Json.createObjectBuilder(Json.createReader(
                new StringReader(Products.body("Sledge", 9900, "EUR"))).readObject())
                .add("categoryId", child.getString("id")).build().toString(), admin)).getString("id");

        assertProblem(archive(parent), 409, "conflict");
        assertProblem(archive(child), 409, "conflict");
        assertThat(api.postJson("/api/products/" + product + "/archive", "", admin).statusCode()).isEqualTo(200);
        assertThat(archive(child).statusCode()).isEqualTo(200);
        HttpResponse<String> archived = archive(parent);

        assertThat(archived.statusCode()).isEqualTo(200);
        assertThat(Api.json(archived).getBoolean("archived")).isTrue();
        assertThat(archive(parent).statusCode()).as("archiving twice changes nothing").isEqualTo(200);
        assertThat(api.get("/api/categories", null).body()).doesNotContain(parent.getString("id"));
        assertProblem(api.postJson("/api/categories",
                category(unique("late"), "Late", parent.getString("id")), admin), 422, "unprocessable");
        assertProblem(api.postJson("/api/products", Json.createObjectBuilder(Json.createReader(
                new StringReader(Products.body("Late sledge", 9900, "EUR"))).readObject())
                .add("categoryId", parent.getString("id")).build().toString(), admin), 422, "unprocessable");
        assertProblem(api.putJson("/api/categories/" + parent.getString("id"),
                category(parent.getString("slug"), "Revived", null), admin, etagOf(Api.json(archived))), 409, "conflict");
        assertThat(api.postJson("/api/categories/" + parent.getString("id") + "/archive", "",
                platform.tokens().token("sam", "support")).statusCode()).isEqualTo(403);
        assertProblem(api.postJson("/api/categories/" + UUID.randomUUID() + "/archive", "", admin),
                404, "not-found");
    }

    private static HttpResponse<String> archive(JsonObject category) {
        return api.postJson("/api/categories/" + category.getString("id") + "/archive", "", admin);
    }

    static JsonObject created(String body) {
        HttpResponse<String> response = api.postJson("/api/categories", body, admin);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Api.json(response);
    }

    static String etagOf(JsonObject entity) {
        return "\"" + entity.getJsonNumber("version").longValue() + "\"";
    }
}
