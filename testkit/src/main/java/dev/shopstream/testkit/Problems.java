package dev.shopstream.testkit;

import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on RFC 9457 problem documents as every Shopstream service writes them. */
public final class Problems {

    private Problems() {
    }

    /**
     * Asserts that the response is a problem document of {@code type} (the last segment of its type URI) with this
     * status, a title and a correlation id, and no stack trace leaked into it; returns the document.
     */
    public static JsonObject assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonObject problem = Api.json(response);
        assertThat(problem.getString("type")).isEqualTo("https://shopstream.dev/problems/" + type);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("correlationId")).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.shopstream");
        return problem;
    }

    /**
     * A refused token (missing, expired, forged, foreign): Liberty's 401 with its Bearer challenge, which commons'
     * UnauthorizedProblemFilter gives the unauthorized problem document.
     */
    public static void assertUnauthorized(HttpResponse<String> response) {
        assertProblem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
    }

    /** The fields a validation problem names, in its order. */
    public static List<String> fields(JsonObject problem) {
        return problem.getJsonArray("errors").stream().map(error -> error.asJsonObject().getString("field")).toList();
    }
}
