package dev.shopstream.catalog.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(CatalogPlatform.Extension.class)
class SecurityIT {

    private static final String PRODUCT = Api.product("Guarded lamp", 4999, "EUR");

    private static Api api;
    private static TestTokens tokens;

    @BeforeAll
    static void connect(CatalogPlatform platform) {
        api = new Api(platform.baseUri());
        tokens = platform.tokens();
    }

    @Test
    void createWithoutTokenIsUnauthorized() {
        HttpResponse<String> response = api.postJson("/api/products", PRODUCT, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void customerMayNotCreateProducts() {
        HttpResponse<String> response = api.postJson("/api/products", PRODUCT, tokens.token("carol", "customer"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Api.json(response).getString("type")).isEqualTo("https://shopstream.dev/problems/forbidden");
    }

    @Test
    void supportMayNotCreateProducts() {
        assertThat(api.postJson("/api/products", PRODUCT, tokens.token("sam", "support")).statusCode()).isEqualTo(403);
    }

    @Test
    void adminMayCreateProducts() {
        assertThat(api.postJson("/api/products", PRODUCT, tokens.token("alice", "admin")).statusCode()).isEqualTo(201);
    }

    @Test
    void expiredTokenIsUnauthorized() {
        assertThat(api.postJson("/api/products", PRODUCT, tokens.expired("alice", "admin")).statusCode()).isEqualTo(401);
    }

    @Test
    void tamperedTokenIsUnauthorized() {
        assertThat(api.postJson("/api/products", PRODUCT, tokens.tampered("mallory")).statusCode()).isEqualTo(401);
    }

    @Test
    void unsignedTokenIsUnauthorized() {
        assertThat(api.postJson("/api/products", PRODUCT, tokens.unsigned("mallory")).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenSignedByAnUnknownKeyIsUnauthorized() {
        assertThat(api.postJson("/api/products", PRODUCT, tokens.signedByUnknownKey("mallory", "admin")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void tokenFromAnotherIssuerIsUnauthorized() {
        assertThat(api.postJson("/api/products", PRODUCT, tokens.fromOtherIssuer("alice", "admin")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() {
        assertThat(api.postJson("/api/products", PRODUCT, tokens.forOtherAudience("alice", "admin")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void readsArePublic() {
        assertThat(api.get("/api/products", null).statusCode()).isEqualTo(200);
    }
}
