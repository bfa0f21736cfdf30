package dev.shopstream.catalog.it;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityIT extends CatalogApiTest {

    private static final String PRODUCT = Api.product("Guarded lamp", 4999, "EUR");

    @Test
    void createWithoutTokenIsUnauthorized() {
        HttpResponse<String> response = api.postJson("/api/products", PRODUCT, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void customerMayNotCreateProducts() {
        HttpResponse<String> response = api.postJson("/api/products", PRODUCT, platform.tokens().token("carol", "customer"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Api.json(response).getString("type")).isEqualTo("https://shopstream.dev/problems/forbidden");
    }

    @Test
    void supportMayNotCreateProducts() {
        assertThat(api.postJson("/api/products", PRODUCT, platform.tokens().token("sam", "support")).statusCode()).isEqualTo(403);
    }

    @Test
    void adminMayCreateProducts() {
        assertThat(api.postJson("/api/products", PRODUCT, platform.tokens().token("alice", "admin")).statusCode()).isEqualTo(201);
    }

    @Test
    void expiredTokenIsUnauthorized() {
        assertThat(api.postJson("/api/products", PRODUCT, platform.tokens().expired("alice", "admin")).statusCode()).isEqualTo(401);
    }

    @Test
    void tamperedTokenIsUnauthorized() {
        assertThat(api.postJson("/api/products", PRODUCT, platform.tokens().tampered("mallory")).statusCode()).isEqualTo(401);
    }

    @Test
    void unsignedTokenIsUnauthorized() {
        assertThat(api.postJson("/api/products", PRODUCT, platform.tokens().unsigned("mallory")).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenSignedByAnUnknownKeyIsUnauthorized() {
        assertThat(api.postJson("/api/products", PRODUCT, platform.tokens().signedByUnknownKey("mallory", "admin")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void tokenFromAnotherIssuerIsUnauthorized() {
        assertThat(api.postJson("/api/products", PRODUCT, platform.tokens().fromOtherIssuer("alice", "admin")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() {
        assertThat(api.postJson("/api/products", PRODUCT, platform.tokens().forOtherAudience("alice", "admin")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void readsArePublic() {
        assertThat(api.get("/api/products", null).statusCode()).isEqualTo(200);
    }
}
