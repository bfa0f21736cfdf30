package dev.shopstream.auth.integrators;

/**
 * A client id with its secret, answered exactly once: when the client is created and when its secret is rotated.
 * This service stores neither; Keycloak keeps the secret.
 */
public record IntegratorCredentials(String clientId, String clientSecret, String tokenEndpoint) {

    @Override
    public String toString() {
        return "IntegratorCredentials[clientId=" + clientId + "]";
    }
}
