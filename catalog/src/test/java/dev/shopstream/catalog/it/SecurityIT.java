package dev.shopstream.catalog.it;

import dev.shopstream.testkit.Api;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static dev.shopstream.testkit.Problems.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

class SecurityIT extends CatalogApiTest {

    private static final String PRODUCT = Products.body("Guarded lamp", 4999, "EUR");

    @Test
    void createWithoutTokenIsUnauthorized() {
        assertUnauthorized(api.postJson("/api/products", PRODUCT, null));
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
        assertUnauthorized(api.postJson("/api/products", PRODUCT, platform.tokens().expired("alice", "admin")));
    }

    @Test
    void tamperedTokenIsUnauthorized() {
        assertUnauthorized(api.postJson("/api/products", PRODUCT, platform.tokens().tampered("mallory")));
    }

    @Test
    void unsignedTokenIsUnauthorized() {
        assertUnauthorized(api.postJson("/api/products", PRODUCT, platform.tokens().unsigned("mallory")));
    }

    @Test
    void tokenSignedByAnUnknownKeyIsUnauthorized() {
        assertUnauthorized(api.postJson("/api/products", PRODUCT, platform.tokens().signedByUnknownKey("mallory", "admin")));
    }

    @Test
    void tokenFromAnotherIssuerIsUnauthorized() {
        assertUnauthorized(api.postJson("/api/products", PRODUCT, platform.tokens().fromOtherIssuer("alice", "admin")));
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() {
        assertUnauthorized(api.postJson("/api/products", PRODUCT, platform.tokens().forOtherAudience("alice", "admin")));
    }

    @Test
    void readsArePublic() {
        assertThat(api.get("/api/products", null).statusCode()).isEqualTo(200);
    }
}
