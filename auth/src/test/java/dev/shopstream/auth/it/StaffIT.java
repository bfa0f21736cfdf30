package dev.shopstream.auth.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.TokenEndpoint;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Staff user administration: who may do what, and the audit trail and events it leaves. */
class StaffIT extends AuthApiTest {

    @Test
    void supportFindsAndViewsUsers() {
        TestUsers.TestUser customer = users.create("customer");

        HttpResponse<String> found = api.get("/api/auth/users?q=" + customer.username(), support());

        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonObject page = Api.json(found);
        assertThat(page.getJsonArray("items")).hasSize(1);
        assertThat(page.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(customer.id());
        JsonObject detail = Api.json(api.get("/api/auth/users/" + customer.id(), support()));
        assertThat(detail.getJsonObject("user").getString("email")).isEqualTo(customer.email());
        assertThat(detail.getJsonArray("roles").toString()).isEqualTo("[\"customer\"]");
        assertThat(detail.getBoolean("locked")).isFalse();
    }

    @Test
    void usersArePagedWithACursor() {
        users.create("customer");
        users.create("customer");
        users.create("customer");

        JsonObject first = Api.json(api.get("/api/auth/users?q=it-&limit=2", admin()));
        assertThat(first.getJsonArray("items")).hasSize(2);
        String cursor = first.getString("nextCursor");
        JsonObject second = Api.json(api.get("/api/auth/users?q=it-&limit=2&cursor=" + cursor, admin()));

        assertThat(second.getJsonArray("items")).isNotEmpty();
        assertThat(second.getJsonArray("items").getJsonObject(0).getString("id"))
                .isNotIn(first.getJsonArray("items").getJsonObject(0).getString("id"),
                        first.getJsonArray("items").getJsonObject(1).getString("id"));
        assertThat(api.get("/api/auth/users?cursor=not-ours!", admin()).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/auth/users?limit=1000", admin()).statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownUserIsNotFound() {
        HttpResponse<String> response = api.get("/api/auth/users/00000000-0000-0000-0000-000000000000", admin());

        assertProblem(response, 404, "not-found");
        assertThat(api.post("/api/auth/users/00000000-0000-0000-0000-000000000000/disable", admin()).statusCode()).isEqualTo(404);
    }

    @Test
    void customersCannotReachStaffEndpoints() {
        TestUsers.TestUser other = users.create("customer");
        String customer = signIn(users.create("customer"));

        assertThat(api.get("/api/auth/users", customer).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/auth/users/" + other.id(), customer).statusCode()).isEqualTo(403);
        assertThat(api.post("/api/auth/users/" + other.id() + "/disable", customer).statusCode()).isEqualTo(403);
        assertThat(api.putJson("/api/auth/users/" + other.id() + "/roles", "{\"roles\": [\"admin\"]}", customer, null).statusCode()).isEqualTo(403);
    }

    @Test
    void supportCannotChangeRoles() {
        TestUsers.TestUser customer = users.create("customer");

        HttpResponse<String> response = api.putJson("/api/auth/users/" + customer.id() + "/roles",
                "{\"roles\": [\"customer\", \"support\"]}", support(), null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Api.json(api.get("/api/auth/users/" + customer.id(), admin())).getJsonArray("roles").toString())
                .isEqualTo("[\"customer\"]");
    }

    @Test
    void anAdminChangesRolesWithAuditAndEvent() throws Exception {
        TestUsers.TestUser customer = users.create("customer");

        HttpResponse<String> response = api.putJson("/api/auth/users/" + customer.id() + "/roles",
                "{\"roles\": [\"integrator\"]}", admin(), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Api.json(response).getJsonArray("roles").toString()).isEqualTo("[\"integrator\"]");
        assertThat(Api.json(api.get("/api/auth/users/" + customer.id(), admin())).getJsonArray("roles").toString())
                .isEqualTo("[\"integrator\"]");
        JsonObject event = eventPayload(customer.id(), "dev.shopstream.auth.user.roles-changed").getJsonObject("data");
        assertThat(event.getJsonArray("added").toString()).isEqualTo("[\"integrator\"]");
        assertThat(event.getJsonArray("removed").toString()).isEqualTo("[\"customer\"]");
        assertThat(event.getString("changedBy")).isEqualTo("admin");
        String audit = api.get("/api/audit?entityType=user&entityId=" + customer.id(), admin()).body();
        assertThat(audit).contains("user.roles-changed", "\"actor\":\"admin\"");
    }

    @Test
    void onlyShopRolesCanBeAssigned() {
        TestUsers.TestUser customer = users.create("customer");

        HttpResponse<String> response = api.putJson("/api/auth/users/" + customer.id() + "/roles",
                "{\"roles\": [\"customer\", \"realm-admin\"]}", admin(), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("realm-admin");
        assertThat(api.putJson("/api/auth/users/" + customer.id() + "/roles", "{}", admin(), null).statusCode()).isEqualTo(400);
    }

    @Test
    void supportDisablesAndEnablesACustomer() throws Exception {
        TestUsers.TestUser customer = users.create("customer");
        TokenEndpoint.TokenResponse signIn = keycloak.signIn(customer.username(), TestUsers.PASSWORD);

        assertThat(api.post("/api/auth/users/" + customer.id() + "/disable", support()).statusCode()).isEqualTo(204);

        assertThat(keycloak.password(customer.username(), TestUsers.PASSWORD).ok()).as("sign-in while disabled").isFalse();
        assertThat(keycloak.refresh(signIn.refreshToken()).ok()).as("the open session").isFalse();
        assertThat(api.post("/api/auth/users/" + customer.id() + "/enable", support()).statusCode()).isEqualTo(204);
        assertThat(keycloak.signIn(customer.username(), TestUsers.PASSWORD).ok()).isTrue();
        assertThat(eventTypes(customer.id())).containsExactly("dev.shopstream.auth.user.disabled",
                "dev.shopstream.auth.user.enabled");
        assertThat(api.get("/api/audit?entityType=user&entityId=" + customer.id(), admin()).body())
                .contains("user.disabled", "user.enabled", "\"actor\":\"support\"");
    }

    @Test
    void supportCannotDisableOrLogOutStaff() {
        TestUsers.TestUser colleague = users.create("support");

        assertThat(api.post("/api/auth/users/" + colleague.id() + "/disable", support()).statusCode()).isEqualTo(403);
        assertThat(api.post("/api/auth/users/" + colleague.id() + "/logout", support()).statusCode()).isEqualTo(403);
        assertThat(users.realm().users().get(colleague.id()).toRepresentation().isEnabled()).isTrue();
    }

    @Test
    void staffForceALogout() {
        TestUsers.TestUser customer = users.create("customer");
        TokenEndpoint.TokenResponse signIn = keycloak.signIn(customer.username(), TestUsers.PASSWORD);

        assertThat(api.post("/api/auth/users/" + customer.id() + "/logout", support()).statusCode()).isEqualTo(204);

        assertThat(keycloak.refresh(signIn.refreshToken()).ok()).isFalse();
        assertThat(api.get("/api/audit?entityType=user&entityId=" + customer.id(), admin()).body()).contains("user.logged-out");
    }
}
