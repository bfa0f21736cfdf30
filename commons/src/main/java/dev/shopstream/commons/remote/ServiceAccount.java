package dev.shopstream.commons.remote;

import dev.shopstream.commons.json.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A service's Keycloak service account: the access token of its client-credentials grant, kept until shortly before
 * it expires, so a token costs one Keycloak round trip per token lifetime, not one per call. Each service makes one
 * from its own configuration (orders for catalog and payments, notifications for Keycloak's admin API).
 */
public final class ServiceAccount {

    private static final Duration EARLY = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private String token;
    private Instant renewAt = Instant.MIN;

    public ServiceAccount(URI tokenUrl, String clientId, String clientSecret) {
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** @throws TokenUnavailableException if Keycloak did not give a token; a later call asks again */
    public synchronized String token() {
        if (Instant.now().isAfter(renewAt)) {
            fetch();
        }
        return token;
    }

    private void fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret);
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new TokenUnavailableException("Keycloak answered " + response.statusCode() + " to the token "
                        + "request of service account " + clientId, null);
            }
            JsonObject answer = Jsonp.createReader(new StringReader(response.body())).readObject();
            token = answer.getString("access_token");
            renewAt = Instant.now().plusSeconds(answer.getInt("expires_in", 60)).minus(EARLY);
        } catch (IOException | JsonException | ClassCastException | NullPointerException e) {
            throw new TokenUnavailableException("Keycloak did not give service account " + clientId + " a token", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenUnavailableException("Interrupted while asking Keycloak for a token", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Keycloak could not be reached or refused the grant. */
    public static class TokenUnavailableException extends RuntimeException {
        TokenUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
