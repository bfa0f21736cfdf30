package dev.shopstream.testkit;

import dev.shopstream.devstack.node.KeycloakNode;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * Users of their own for tests, made in the realm through Keycloak's admin REST API (as the master realm's
 * administrator), and signed in with the password grant: real Keycloak tokens, a fresh user per test.
 */
public final class KeycloakUsers {

    public static final String PASSWORD = "correct horse battery staple";

    /** A user and a fresh access token of theirs. */
    public record SignedIn(String id, String username, String token) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final KeycloakNode keycloak;
    private final TokenEndpoint tokens;

    public KeycloakUsers(KeycloakNode keycloak) {
        this.keycloak = keycloak;
        this.tokens = new TokenEndpoint(keycloak);
    }

    /** A verified, enabled user holding the realm role {@code role}, signed in. */
    public SignedIn signedIn(String role) {
        String admin = tokens.masterAdmin().accessToken();
        String username = "it-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject user = Json.createObjectBuilder().add("username", username)
                .add("email", username + "@example.test").add("firstName", "Test").add("lastName", username)
                .add("enabled", true).add("emailVerified", true)
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", PASSWORD).add("temporary", false)))
                .build();
        HttpResponse<String> created = send(admin, "POST", "/users", user.toString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak did not create a user: " + created.statusCode() + " "
                    + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        HttpResponse<String> roleRead = send(admin, "GET", "/roles/" + role, null);
        HttpResponse<String> granted = send(admin, "POST", "/users/" + id + "/role-mappings/realm",
                "[" + roleRead.body() + "]");
        if (granted.statusCode() != 204) {
            throw new IllegalStateException("Keycloak did not grant " + role + ": " + granted.statusCode() + " "
                    + granted.body());
        }
        return new SignedIn(id, username, tokens.signIn(username, PASSWORD).accessToken());
    }

    /**
     * Lets the realm's client {@code clientId} send browsers back to {@code baseUri} after sign-in and sign-out, as
     * an operator registers a deployment's address: a server under test listens on a free port.
     */
    public void allowRedirectsTo(String clientId, URI baseUri) {
        String admin = tokens.masterAdmin().accessToken();
        HttpResponse<String> found = send(admin, "GET", "/clients?clientId=" + clientId, null);
        JsonObject client = Json.createReader(new StringReader(found.body())).readArray().getJsonObject(0);
        String pattern = baseUri.toString().replaceAll("/$", "") + "/*";
        JsonObject changed = Json.createObjectBuilder(client)
                .add("redirectUris", Json.createArrayBuilder(client.getJsonArray("redirectUris")).add(pattern))
                .build();
        HttpResponse<String> updated = send(admin, "PUT", "/clients/" + client.getString("id"), changed.toString());
        if (updated.statusCode() != 204) {
            throw new IllegalStateException("Keycloak did not change client " + clientId + ": "
                    + updated.statusCode() + " " + updated.body());
        }
    }

    public TokenEndpoint tokens() {
        return tokens;
    }

    private HttpResponse<String> send(String adminToken, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(keycloak.baseUri() + "/admin/realms/" + KeycloakNode.REALM + path))
                .header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(30));
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
