package dev.shopstream.orders.remote;

import dev.shopstream.commons.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
 * The access token of orders' service account ({@code shopstream-orders}, role {@code service}), from Keycloak's
 * client-credentials grant. It is kept until shortly before it expires, so a token costs one Keycloak round trip
 * per token lifetime, not one per call.
 */
@ApplicationScoped
public class ServiceToken {

    private static final Duration EARLY = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    @ConfigProperty(name = "shopstream.orders.token-url")
    String tokenUrl;

    @Inject
    @ConfigProperty(name = "shopstream.orders.client-id")
    String clientId;

    @Inject
    @ConfigProperty(name = "shopstream.orders.client-secret")
    String clientSecret;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private String token;
    private Instant renewAt = Instant.MIN;

    public synchronized String current() {
        if (Instant.now().isAfter(renewAt)) {
            fetch();
        }
        return token;
    }

    private void fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new RemoteUnavailableException("Keycloak answered " + response.statusCode()
                        + " to the service account's token request");
            }
            JsonObject answer = Jsonp.createReader(new StringReader(response.body())).readObject();
            token = answer.getString("access_token");
            renewAt = Instant.now().plusSeconds(answer.getInt("expires_in", 60)).minus(EARLY);
        } catch (IOException e) {
            throw new RemoteUnavailableException("Keycloak did not give the service account a token", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteUnavailableException("Interrupted while asking Keycloak for a token", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
