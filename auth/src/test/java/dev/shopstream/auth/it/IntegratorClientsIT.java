package dev.shopstream.auth.it;

import dev.shopstream.testkit.Api;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Partners' clients: created by admins, secret shown once, rotated, deleted; their tokens carry role integrator. */
class IntegratorClientsIT extends AuthApiTest {

    @Test
    void anIntegratorClientLivesThroughCreationRotationAndDeletion() {
        String name = "partner-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> created = api.postJson("/api/auth/integrators",
                "{\"name\": \"" + name + "\", \"description\": \"Warehouse sync\"}", admin());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonObject credentials = Api.json(created);
        String clientId = credentials.getString("clientId");
        assertThat(clientId).isEqualTo("integrator-" + name);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/api/auth/integrators/" + clientId));
        String secret = credentials.getString("clientSecret");

        String token = keycloak.clientCredentials(clientId, secret).accessToken();
        HttpResponse<String> me = api.get("/api/auth/me", token);
        assertThat(me.statusCode()).as("the service accepts the partner's token: " + me.body()).isEqualTo(200);
        assertThat(Api.json(me).getJsonArray("roles").toString()).isEqualTo("[\"integrator\"]");
        assertThat(api.get("/api/auth/users", token).statusCode()).isEqualTo(403);

        HttpResponse<String> listed = api.get("/api/auth/integrators", admin());
        assertThat(listed.body()).contains(clientId, "Warehouse sync").doesNotContain(secret);

        HttpResponse<String> rotated = api.post("/api/auth/integrators/" + clientId + "/secret", admin());
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String newSecret = Api.json(rotated).getString("clientSecret");
        assertThat(newSecret).isNotEqualTo(secret);
        assertThat(keycloak.clientCredentials(clientId, secret).ok()).as("the old secret").isFalse();
        assertThat(keycloak.clientCredentials(clientId, newSecret).ok()).as("the new secret").isTrue();

        assertThat(api.delete("/api/auth/integrators/" + clientId, admin()).statusCode()).isEqualTo(204);
        assertThat(keycloak.clientCredentials(clientId, newSecret).ok()).as("after deletion").isFalse();
        assertThat(api.delete("/api/auth/integrators/" + clientId, admin()).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/audit?entityType=integrator-client&entityId=" + clientId, admin()).body())
                .contains("integrator.created", "integrator.secret-rotated", "integrator.deleted");
    }

    @Test
    void aNameIsTakenOnce() {
        String body = "{\"name\": \"dup-" + UUID.randomUUID().toString().substring(0, 8) + "\"}";
        assertThat(api.postJson("/api/auth/integrators", body, admin()).statusCode()).isEqualTo(201);

        assertThat(api.postJson("/api/auth/integrators", body, admin()).statusCode()).isEqualTo(409);
    }

    @Test
    void theRealmsOwnClientsAreNotIntegrators() {
        assertThat(api.post("/api/auth/integrators/shopstream-auth/secret", admin()).statusCode()).isEqualTo(404);
        assertThat(api.delete("/api/auth/integrators/shopstream-web", admin()).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/auth/integrators", admin()).body()).doesNotContain("shopstream-auth");
    }

    @Test
    void onlyAdminsManageIntegrators() {
        assertThat(api.postJson("/api/auth/integrators", "{\"name\": \"sneaky\"}", support()).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/auth/integrators", support()).statusCode()).isEqualTo(403);
    }

    @Test
    void anInvalidNameIsRefused() {
        HttpResponse<String> response = api.postJson("/api/auth/integrators", "{\"name\": \"Not Valid!\"}", admin());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("name");
    }
}
