package dev.shopstream.auth.it;

import dev.shopstream.testkit.TokenEndpoint;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;

import static org.assertj.core.api.Assertions.assertThat;

/** The realm as code (liberty-config), as Keycloak imported it: tokens, staff TOTP, clients. */
class RealmIT extends AuthApiTest {

    @Test
    void staffMustGiveATotpCode() {
        TokenEndpoint.TokenResponse withoutCode = keycloak.password("support", "support-demo");

        assertThat(withoutCode.ok()).as("support without a TOTP code").isFalse();
        assertThat(api.get("/api/auth/me", support()).statusCode()).as("with the seeded authenticator's code").isEqualTo(200);
    }

    @Test
    void customersSignInWithoutACodeAndGetShortLivedTokensForTheApi() {
        String token = keycloak.signIn("customer", "customer-demo").accessToken();

        JsonObject claims = KeycloakTrustIT.claims(token);
        assertThat(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue()).isEqualTo(300);
        assertThat(claims.get("aud").toString()).contains("shopstream-api");
        assertThat(claims.getJsonArray("groups").toString()).contains("\"customer\"");
    }

    @Test
    void theOrdersServiceAccountHoldsRoleService() {
        String token = keycloak.clientCredentials("shopstream-orders", "local-demo-only-orders-secret").accessToken();

        JsonObject claims = KeycloakTrustIT.claims(token);
        assertThat(claims.getJsonArray("groups").toString()).contains("\"service\"");
        assertThat(claims.get("aud").toString()).contains("shopstream-api");
    }

    @Test
    void theWebClientIsPublicWithPkceAndOnlyTheDevelopmentClientTakesPasswords() {
        ClientRepresentation web = users.realm().clients().findByClientId("shopstream-web").get(0);
        assertThat(web.isPublicClient()).isTrue();
        assertThat(web.getAttributes()).containsEntry("pkce.code.challenge.method", "S256");
        assertThat(web.isDirectAccessGrantsEnabled()).isFalse();
        ClientRepresentation console = users.realm().clients().findByClientId("shopstream-admin-console").get(0);
        assertThat(console.isPublicClient()).isFalse();
        assertThat(console.isStandardFlowEnabled()).isTrue();

        // Keycloak's own admin-cli also takes passwords, but its tokens lack the audience every service demands.
        assertThat(users.realm().clients().findAll().stream()
                .filter(client -> client.getClientId().startsWith("shopstream-"))
                .filter(client -> Boolean.TRUE.equals(client.isDirectAccessGrantsEnabled()))
                .map(ClientRepresentation::getClientId))
                .as("Shopstream clients allowing the password grant").containsExactly("shopstream-dev");
    }
}
