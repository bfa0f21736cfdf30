package dev.shopstream.auth.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.TokenEndpoint;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions as Keycloak keeps them: listing and ending one's own, refresh-token reuse, brute-force lockout. */
class SessionsIT extends AuthApiTest {

    @Test
    void aUserSeesTheirSessionsAndEndsOne() {
        TestUsers.TestUser customer = users.create("customer");
        TokenEndpoint.TokenResponse phone = keycloak.signIn(customer.username(), TestUsers.PASSWORD);
        TokenEndpoint.TokenResponse laptop = keycloak.signIn(customer.username(), TestUsers.PASSWORD);

        HttpResponse<String> listed = api.get("/api/auth/me/sessions", laptop.accessToken());
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonArray sessions = Api.jsonArray(listed);
        assertThat(sessions).hasSize(2);
        String phoneSession = KeycloakTrustIT.claims(phone.accessToken()).getString("sid");
        assertThat(sessions.stream().map(session -> session.asJsonObject().getString("id"))).contains(phoneSession);
        assertThat(sessions.stream().filter(session -> session.asJsonObject().getBoolean("current")).count()).isEqualTo(1);

        HttpResponse<String> ended = api.delete("/api/auth/me/sessions/" + phoneSession, laptop.accessToken());

        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(204);
        assertThat(keycloak.refresh(phone.refreshToken()).ok()).as("the ended session's refresh token").isFalse();
        assertThat(keycloak.refresh(laptop.refreshToken()).ok()).as("the other session lives on").isTrue();
    }

    @Test
    void anotherUsersSessionIsNotFound() {
        TestUsers.TestUser victim = users.create("customer");
        TokenEndpoint.TokenResponse victimSignIn = keycloak.signIn(victim.username(), TestUsers.PASSWORD);
        String victimSession = KeycloakTrustIT.claims(victimSignIn.accessToken()).getString("sid");
        String attacker = signIn(users.create("customer"));

        HttpResponse<String> response = api.delete("/api/auth/me/sessions/" + victimSession, attacker);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(keycloak.refresh(victimSignIn.refreshToken()).ok()).as("the victim stays signed in").isTrue();
        assertThat(api.delete("/api/auth/me/sessions/no-such-session", attacker).statusCode()).isEqualTo(404);
    }

    @Test
    void logoutEverywhereEndsEverySession() {
        TestUsers.TestUser customer = users.create("customer");
        TokenEndpoint.TokenResponse first = keycloak.signIn(customer.username(), TestUsers.PASSWORD);
        TokenEndpoint.TokenResponse second = keycloak.signIn(customer.username(), TestUsers.PASSWORD);

        assertThat(api.post("/api/auth/me/logout-all", second.accessToken()).statusCode()).isEqualTo(204);

        assertThat(keycloak.refresh(first.refreshToken()).ok()).isFalse();
        assertThat(keycloak.refresh(second.refreshToken()).ok()).isFalse();
    }

    @Test
    void reusingARefreshTokenRevokesTheSession() {
        TestUsers.TestUser customer = users.create("customer");
        TokenEndpoint.TokenResponse signIn = keycloak.signIn(customer.username(), TestUsers.PASSWORD);
        TokenEndpoint.TokenResponse rotated = keycloak.refresh(signIn.refreshToken());
        assertThat(rotated.ok()).as("the first use rotates the refresh token").isTrue();

        TokenEndpoint.TokenResponse reused = keycloak.refresh(signIn.refreshToken());

        assertThat(reused.ok()).as("the old refresh token again").isFalse();
        assertThat(reused.status()).isEqualTo(400);
        TokenEndpoint.TokenResponse afterReuse = keycloak.refresh(rotated.refreshToken());
        assertThat(afterReuse.ok()).as("even the newest refresh token is dead: " + afterReuse.error()).isFalse();
    }

    @Test
    void repeatedWrongPasswordsLockTheAccount() {
        TestUsers.TestUser customer = users.create("customer");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(keycloak.password(customer.username(), "wrong password " + attempt).ok()).isFalse();
        }

        assertThat(keycloak.password(customer.username(), TestUsers.PASSWORD).ok())
                .as("the right password while locked").isFalse();
        HttpResponse<String> detail = api.get("/api/auth/users/" + customer.id(), support());
        assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
        JsonObject user = Api.json(detail);
        assertThat(user.getBoolean("locked")).isTrue();
    }
}
