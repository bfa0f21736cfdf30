package dev.shopstream.bench;

import dev.shopstream.devstack.demo.Totp;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An access token from Keycloak, fetched again a minute before it expires, so a run longer than the token's lifespan
 * (5 minutes in the local realm) keeps its authorisation: a user's password grant or a service's client credentials
 * grant ({@link #clientCredentials}). Thread-safe; the renewal blocks the calling virtual user for one token request
 * every few minutes. Staff (the admin) must give a TOTP code with the password grant: it is computed from
 * {@code admin.totp.secret} (devstack's Totp; by default the realm's local demo authenticator secret). Keycloak
 * ignores the code for users without an authenticator; renewals are minutes apart, so a code is never sent twice.
 */
final class KeycloakToken {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

    private final String totpSecret = BenchSettings.text("admin.totp.secret", Totp.DEMO_SECRET);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenEndpoint;
    private final String principal;
    private final Supplier<Map<String, String>> grant;
    private String token;
    private Instant renewAt = Instant.MIN;

    /** The password grant of {@code settings}' user. */
    KeycloakToken(ReservationSettings settings) {
        this(settings.tokenEndpoint(), settings.clientId(), settings.username(), settings.password());
    }

    /** The password grant of a user through a client allowed it (the local development client). */
    KeycloakToken(URI tokenEndpoint, String clientId, String username, String password) {
        this.tokenEndpoint = tokenEndpoint;
        this.principal = username;
        this.grant = () -> Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", password, "totp", Totp.code(totpSecret, Instant.now()));
    }

    private KeycloakToken(URI tokenEndpoint, String clientId, String clientSecret) {
        this.tokenEndpoint = tokenEndpoint;
        this.principal = "client " + clientId;
        this.grant = () -> Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientSecret);
    }

    /** The client credentials grant of a confidential client with a service account (e.g. the orders service). */
    static KeycloakToken clientCredentials(URI tokenEndpoint, String clientId, String clientSecret) {
        return new KeycloakToken(tokenEndpoint, clientId, clientSecret);
    }

    synchronized String current() {
        if (Instant.now().isAfter(renewAt)) {
            renew();
        }
        return token;
    }

    private void renew() {
        String form = grant.get().entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + tokenEndpoint + " is not reachable (" + e
                    + "); start the platform with ./platform.sh or pass -Dtoken.url", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signing in", e);
        }
        Matcher accessToken = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !accessToken.find()) {
            throw new IllegalStateException("Keycloak refused to sign in " + principal + " ("
                    + response.statusCode() + "): " + response.body());
        }
        Instant now = Instant.now();
        Matcher expiresIn = EXPIRES_IN.matcher(response.body());
        Duration lifespan = Duration.ofSeconds(expiresIn.find() ? Long.parseLong(expiresIn.group(1)) : 60);
        token = accessToken.group(1);
        renewAt = now.plus(lifespan.compareTo(RENEW_BEFORE_EXPIRY.multipliedBy(2)) > 0
                ? lifespan.minus(RENEW_BEFORE_EXPIRY) : lifespan.dividedBy(2));
    }
}
