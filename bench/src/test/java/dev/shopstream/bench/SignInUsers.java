package dev.shopstream.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customers {@link SignInSimulation} signs in, made once through Keycloak's admin API by the master realm's
 * administrator (local demo credentials by default). Keycloak 26 serialises the sign-ins of one user, so a load of
 * concurrent sign-ins needs many users, as real traffic has. Users that exist already get their brute-force record
 * cleared, so a lockout left by an earlier, overloaded run does not fail this one.
 */
final class SignInUsers {

    static final String PASSWORD = "bench sign-in password";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern USER_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI keycloak;
    private final String realm;

    SignInUsers(URI keycloak, String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    /** The user names {@code bench-signin-0} … {@code bench-signin-<count-1>}, each created unless it exists. */
    List<String> ensure(int count, String adminUser, String adminPassword) {
        String token = adminToken(adminUser, adminPassword);
        String customerRole = send(request("/admin/realms/" + realm + "/roles/customer", token).GET(), 200);
        List<String> usernames = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            String username = "bench-signin-" + index;
            String user = """
                    {"username": "%s", "email": "%s@bench.shopstream.local", "firstName": "Bench", "lastName": "User %d",
                     "enabled": true, "emailVerified": true,
                     "credentials": [{"type": "password", "value": "%s", "temporary": false}]}"""
                    .formatted(username, username, index, PASSWORD);
            HttpResponse<String> created = raw(request("/admin/realms/" + realm + "/users", token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(user)));
            if (created.statusCode() == 201) {
                String location = created.headers().firstValue("Location").orElseThrow();
                String userId = location.substring(location.lastIndexOf('/') + 1);
                send(request("/admin/realms/" + realm + "/users/" + userId + "/role-mappings/realm", token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + customerRole + "]")), 204);
            } else if (created.statusCode() == 409) {
                // A user an earlier run overloaded Keycloak with may still be locked out by brute-force detection.
                String bruteForce = "/admin/realms/" + realm + "/attack-detection/brute-force/users/";
                send(request(bruteForce + userId(username, token), token).DELETE(), 204);
            } else {
                throw new IllegalStateException("Keycloak did not create " + username + " (" + created.statusCode()
                        + "): " + created.body());
            }
            usernames.add(username);
        }
        return usernames;
    }

    private String userId(String username, String token) {
        String users = send(request("/admin/realms/" + realm + "/users?exact=true&username=" + encode(username), token)
                .GET(), 200);
        Matcher id = USER_ID.matcher(users);
        if (!id.find()) {
            throw new IllegalStateException("Keycloak has no user " + username + ": " + users);
        }
        return id.group(1);
    }

    private String adminToken(String adminUser, String adminPassword) {
        String form = "grant_type=password&client_id=admin-cli&username=" + encode(adminUser) + "&password="
                + encode(adminPassword);
        String body = send(HttpRequest.newBuilder(keycloak.resolve("/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), 200);
        Matcher token = ACCESS_TOKEN.matcher(body);
        if (!token.find()) {
            throw new IllegalStateException("No admin token from Keycloak: " + body);
        }
        return token.group(1);
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(keycloak.resolve(path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
    }

    private String send(HttpRequest.Builder request, int expectedStatus) {
        HttpResponse<String> response = raw(request);
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException("Keycloak answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> raw(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + keycloak + " is not reachable (" + e
                    + "); start the platform with ./platform.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
