package dev.shopstream.auth.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.TokenEndpoint;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static dev.shopstream.testkit.Problems.assertProblem;
import static dev.shopstream.testkit.Problems.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Shopstream service trusts Keycloak, and only the tokens it should: proven here on the auth service with
 * real Keycloak tokens (the services share liberty-config's MicroProfile JWT settings).
 */
class KeycloakTrustIT extends AuthApiTest {

    @Test
    void aTokenFromTheShopRealmIsAccepted() {
        TestUsers.TestUser customer = users.create("customer");

        HttpResponse<String> me = api.get("/api/auth/me", signIn(customer));

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(Api.json(me).getString("username")).isEqualTo(customer.username());
    }

    @Test
    void noTokenIsUnauthorized() {
        assertUnauthorized(api.get("/api/auth/me", null));
    }

    @Test
    void aTokenFromAnotherRealmIsUnauthorized() {
        String masterAdmin = keycloak.masterAdmin().accessToken();

        assertThat(api.get("/api/auth/me", masterAdmin).statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        String clientId = "it-short-lived-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = users.serviceClient(clientId, "shopstream-api", "customer", Map.of("access.token.lifespan", "2"));
        String token = keycloak.clientCredentials(clientId, secret).accessToken();
        assertThat(api.get("/api/auth/me", token).statusCode()).as("valid while fresh").isEqualTo(200);

        // Past its expiry plus the test server's clock skew allowance (JWT_CLOCK_SKEW=1s).
        Instant expiry = Instant.ofEpochSecond(claims(token).getJsonNumber("exp").longValue());
        TokenEndpoint.sleep(Duration.between(Instant.now(), expiry.plusSeconds(3)));

        assertThat(api.get("/api/auth/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnsignedTokenIsUnauthorized() {
        String[] parts = signIn(users.create("customer")).split("\\.");
        String unsigned = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";

        assertThat(api.get("/api/auth/me", unsigned).statusCode()).isEqualTo(401);
    }

    @Test
    void aTamperedTokenIsUnauthorized() {
        String[] parts = signIn(users.create("customer")).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"customer\"", "\"admin\"");
        String tampered = parts[0] + "." + base64Url(payload) + "." + parts[2];

        assertThat(api.get("/api/auth/users", tampered).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthorized() {
        String clientId = "it-other-audience-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = users.serviceClient(clientId, "another-api", "customer", Map.of());
        String token = keycloak.clientCredentials(clientId, secret).accessToken();
        assertThat(claims(token).get("aud").toString()).contains("another-api").doesNotContain("shopstream-api");

        assertThat(api.get("/api/auth/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    void aValidTokenWithTheWrongRoleIsForbidden() {
        String customer = signIn(users.create("customer"));

        HttpResponse<String> staffOnly = api.get("/api/auth/users", customer);

        assertProblem(staffOnly, 403, "forbidden");
        assertThat(api.get("/api/auth/integrators", customer).statusCode()).isEqualTo(403);
    }

    static JsonObject claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(payload)).readObject();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
