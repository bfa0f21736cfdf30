package dev.shopstream.bench;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An access token from Keycloak's password grant, fetched again a minute before it expires, so a run longer than
 * the token's lifespan (5 minutes in the local realm) keeps its authorisation. Thread-safe; the renewal blocks the
 * calling virtual user for one token request every few minutes.
 */
final class KeycloakToken {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ReservationSettings settings;
    private String token;
    private Instant renewAt = Instant.MIN;

    KeycloakToken(ReservationSettings settings) {
        this.settings = settings;
    }

    synchronized String current() {
        if (Instant.now().isAfter(renewAt)) {
            renew();
        }
        return token;
    }

    private void renew() {
        String form = Map.of("grant_type", "password", "client_id", settings.clientId(),
                        "username", settings.username(), "password", settings.password())
                .entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(settings.tokenEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + settings.tokenEndpoint() + " is not reachable (" + e
                    + "); start the platform with ./platform.sh or pass -Dtoken.url", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signing in", e);
        }
        Matcher accessToken = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !accessToken.find()) {
            throw new IllegalStateException("Keycloak refused to sign in " + settings.username() + " ("
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
