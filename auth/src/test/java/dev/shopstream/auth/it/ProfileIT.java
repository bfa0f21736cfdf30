package dev.shopstream.auth.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.TokenEndpoint;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The user's own profile, export and erasure. */
class ProfileIT extends AuthApiTest {

    @Test
    void aUserChangesTheirName() {
        TestUsers.TestUser customer = users.create("customer");
        String token = signIn(customer);

        HttpResponse<String> changed = api.patchJson("/api/auth/me", "{\"firstName\": \"Kim\", \"locale\": \"de\"}", token);

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonObject profile = Api.json(changed);
        assertThat(profile.getString("firstName")).isEqualTo("Kim");
        assertThat(profile.getString("lastName")).isEqualTo(customer.username());
        assertThat(profile.getString("locale")).isEqualTo("de");
        assertThat(users.realm().users().get(customer.id()).toRepresentation().getFirstName()).isEqualTo("Kim");
    }

    @Test
    void rolesAndVerificationCannotBeSetThroughTheProfile() {
        TestUsers.TestUser customer = users.create("customer");
        String token = signIn(customer);

        for (String body : new String[]{"{\"roles\": [\"admin\"]}", "{\"emailVerified\": false}",
                "{\"firstName\": \"Kim\", \"enabled\": true}", "{\"username\": \"root\"}"}) {
            assertProblem(api.patchJson("/api/auth/me", body, token), 400, "malformed-request");
        }
        assertThat(Api.json(api.get("/api/auth/me", token)).getJsonArray("roles").toString()).isEqualTo("[\"customer\"]");
        assertThat(users.realm().users().get(customer.id()).toRepresentation().getFirstName()).isEqualTo("Test");
    }

    @Test
    void invalidProfileChangesAreRefused() {
        String token = signIn(users.create("customer"));

        assertThat(api.patchJson("/api/auth/me", "{\"firstName\": \"" + "x".repeat(101) + "\"}", token).statusCode()).isEqualTo(400);
        assertThat(api.patchJson("/api/auth/me", "{\"firstName\": \"   \"}", token).statusCode()).isEqualTo(400);
        assertThat(api.patchJson("/api/auth/me", "{\"locale\": \"klingon\"}", token).statusCode()).isEqualTo(400);
        assertThat(api.patchJson("/api/auth/me", "{\"firstName\": ", token).statusCode()).isEqualTo(400);
        assertThat(api.patchJson("/api/auth/me", "[]", token).statusCode()).isEqualTo(400);
    }

    @Test
    void theExportHoldsTheIdentityData() {
        TestUsers.TestUser customer = users.create("customer");
        String token = signIn(customer);

        HttpResponse<String> export = api.get("/api/auth/me/export", token);

        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(export.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonObject data = Api.json(export);
        assertThat(data.getJsonObject("profile").getString("email")).isEqualTo(customer.email());
        assertThat(data.getJsonArray("credentials").getJsonObject(0).getString("type")).isEqualTo("password");
        assertThat(data.getJsonArray("sessions")).hasSize(1);
        assertThat(export.body()).doesNotContain(TestUsers.PASSWORD);
    }

    @Test
    void aFreshlySignedInUserDeletesTheirAccount() throws Exception {
        TestUsers.TestUser customer = users.create("customer");
        String token = signIn(customer);

        HttpResponse<String> deleted = api.delete("/api/auth/me", token);

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(users.realm().users().searchByUsername(customer.username(), true)).isEmpty();
        assertThat(eventTypes(customer.id())).containsExactly("dev.shopstream.auth.user.deleted");
        assertThat(keycloak.password(customer.username(), TestUsers.PASSWORD).ok()).isFalse();
    }

    @Test
    void deletingTheAccountNeedsARecentSignIn() throws Exception {
        TestUsers.TestUser customer = users.create("customer");
        TokenEndpoint.TokenResponse signIn = keycloak.signIn(customer.username(), TestUsers.PASSWORD);
        TokenEndpoint.sleep(AuthPlatform.REAUTHENTICATION_MAX_AGE.plus(Duration.ofSeconds(2)));
        // A refreshed token is new, but its auth_time is still the old sign-in.
        String refreshed = keycloak.refresh(signIn.refreshToken()).accessToken();

        HttpResponse<String> refused = api.delete("/api/auth/me", refreshed);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).contains("insufficient_user_authentication"));
        assertThat(users.realm().users().searchByUsername(customer.username(), true)).hasSize(1);
        assertThat(eventTypes(customer.id())).isEmpty();

        assertThat(api.delete("/api/auth/me", signIn(customer)).statusCode()).as("after signing in again").isEqualTo(204);
    }
}
