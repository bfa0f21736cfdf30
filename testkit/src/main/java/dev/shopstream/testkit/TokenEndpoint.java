package dev.shopstream.testkit;

import dev.shopstream.devstack.demo.Totp;
import dev.shopstream.devstack.node.KeycloakNode;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keycloak's token endpoint as a shopper's app and a partner would use it: password grant through the local
 * development client (staff add their TOTP code), refresh, client credentials.
 */
public final class TokenEndpoint {

    public static final String DEV_CLIENT = "shopstream-dev";

    /** What the token endpoint answered: status and body. */
    public record TokenResponse(int status, JsonObject body) {

        public boolean ok() {
            return status == 200;
        }

        public String accessToken() {
            if (!ok()) {
                throw new AssertionError("Keycloak refused the grant (" + status + "): " + body);
            }
            return body.getString("access_token");
        }

        public String refreshToken() {
            accessToken();
            return body.getString("refresh_token");
        }

        public String error() {
            return body.getString("error", "") + ": " + body.getString("error_description", "");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final KeycloakNode node;
    private long lastTotpStep;

    public TokenEndpoint(KeycloakNode node) {
        this.node = node;
    }

    public URI issuer() {
        return node.issuer();
    }

    /**
     * A password grant that should succeed. Keycloak 26 refuses a sign-in that overlaps another one of the same user
     * (its brute-force protector serialises them, answering "Invalid user credentials"), which two sign-ins in quick
     * succession can hit, so a refusal is tried again a few times before it counts.
     */
    public TokenResponse signIn(String username, String password) {
        TokenResponse response = password(username, password);
        for (int attempt = 1; attempt < 4 && !response.ok(); attempt++) {
            sleep(Duration.ofMillis(300L * attempt));
            response = password(username, password);
        }
        return response;
    }

    /** One password grant, as it is answered (for the tests where it must fail). */
    public TokenResponse password(String username, String password) {
        return token(node.tokenEndpoint(), Map.of("grant_type", "password", "client_id", DEV_CLIENT,
                "username", username, "password", password));
    }

    /**
     * Signs a staff member in with a fresh TOTP code. The realm takes each code once and accepts the next step's code
     * too, so successive sign-ins move one step ahead each time (several tests may sign in within 30 s).
     */
    public TokenResponse passwordWithTotp(String username, String password, String totpSecret) {
        return token(node.tokenEndpoint(), Map.of("grant_type", "password", "client_id", DEV_CLIENT,
                "username", username, "password", password, "totp", nextTotpCode(totpSecret)));
    }

    /**
     * A TOTP code no sign-in through this endpoint has used yet, for the password grant or a browser's sign-in form:
     * the current step's, else the next step's, else (waiting for it) a later one.
     */
    public synchronized String nextTotpCode(String totpSecret) {
        long step = Math.max(Totp.currentStep(), lastTotpStep + 1);
        while (step > Totp.currentStep() + 1) {
            sleep(Duration.ofSeconds(1));
        }
        lastTotpStep = step;
        return Totp.codeForStep(totpSecret, step);
    }

    public TokenResponse refresh(String refreshToken) {
        return token(node.tokenEndpoint(), Map.of("grant_type", "refresh_token", "client_id", DEV_CLIENT,
                "refresh_token", refreshToken));
    }

    public TokenResponse clientCredentials(String clientId, String secret) {
        return token(node.tokenEndpoint(), Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    /** A token of the master realm's administrator: the same Keycloak, another realm. */
    public TokenResponse masterAdmin() {
        return token(URI.create(node.baseUri() + "/realms/master/protocol/openid-connect/token"), Map.of(
                "grant_type", "password", "client_id", "admin-cli",
                "username", KeycloakNode.ADMIN_USERNAME, "password", KeycloakNode.ADMIN_PASSWORD));
    }

    private TokenResponse token(URI endpoint, Map<String, String> fields) {
        String form = new LinkedHashMap<>(fields).entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            return new TokenResponse(response.statusCode(),
                    Json.createReader(new StringReader(response.body())).readObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
