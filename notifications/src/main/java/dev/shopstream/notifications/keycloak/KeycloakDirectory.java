package dev.shopstream.notifications.keycloak;

import dev.shopstream.commons.json.Jsonp;
import dev.shopstream.commons.remote.ServiceAccount;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
import java.util.Optional;

/**
 * Users as Keycloak's admin API has them ({@code GET /admin/realms/{realm}/users/{id}}), read with notifications'
 * service account ({@code shopstream-notifications}, realm-management {@code view-users} only). For customers whose
 * address never came through {@code user.registered}: accounts made in Keycloak itself, such as the demo accounts;
 * and for everyone's phone number (the user attribute {@code phoneNumber}), which only Keycloak keeps.
 */
@ApplicationScoped
public class KeycloakDirectory {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** The user attribute SMS go to (the realm's user profile declares it). */
    public static final String PHONE_NUMBER = "phoneNumber";

    @Inject
    @ConfigProperty(name = "shopstream.keycloak.url")
    String keycloakUrl;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.realm")
    String realm;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.client-id")
    String clientId;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.client-secret")
    String clientSecret;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private ServiceAccount account;

    /** Keycloak did not answer usefully; the event that needed the user is tried again later. */
    public static class DirectoryUnavailableException extends RuntimeException {
        DirectoryUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @PostConstruct
    void configure() {
        account = new ServiceAccount(URI.create(keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token"),
                clientId, clientSecret);
    }

    /** @return the user, or empty if Keycloak has no such user or no address for them */
    public Optional<KeycloakUser> find(String userId) {
        return lookup(userId).flatMap(user -> user(userId, user));
    }

    /** @return the user's {@value #PHONE_NUMBER} as written in Keycloak, or empty if there is no user or none */
    public Optional<String> phoneNumber(String userId) {
        return lookup(userId).flatMap(user -> firstAttribute(user, PHONE_NUMBER));
    }

    private Optional<JsonObject> lookup(String userId) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/" + realm + "/users/"
                            + URLEncoder.encode(userId, StandardCharsets.UTF_8)))
                    .timeout(TIMEOUT).header("Authorization", "Bearer " + account.token()).GET().build();
        } catch (ServiceAccount.TokenUnavailableException e) {
            throw new DirectoryUnavailableException(e.getMessage(), e);
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new DirectoryUnavailableException("Keycloak answered " + response.statusCode()
                        + " to the lookup of user " + userId, null);
            }
            return Optional.of(Jsonp.createReader(new StringReader(response.body())).readObject());
        } catch (IOException | JsonException e) {
            throw new DirectoryUnavailableException("Keycloak did not answer the lookup of user " + userId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailableException("Interrupted while looking up user " + userId, e);
        }
    }

    private static Optional<KeycloakUser> user(String userId, JsonObject user) {
        if (!(user.get("email") instanceof JsonString email) || email.getString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new KeycloakUser(userId, email.getString(), user.getString("firstName", null),
                firstAttribute(user, "locale").orElse(null)));
    }

    private static Optional<String> firstAttribute(JsonObject user, String name) {
        if (user.get("attributes") instanceof JsonObject attributes
                && attributes.get(name) instanceof JsonArray values && !values.isEmpty()
                && values.get(0) instanceof JsonString first && !first.getString().isBlank()) {
            return Optional.of(first.getString());
        }
        return Optional.empty();
    }
}
