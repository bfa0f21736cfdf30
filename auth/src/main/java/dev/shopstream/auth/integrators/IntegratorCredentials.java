package dev.shopstream.auth.integrators;

import dev.shopstream.auth.keycloak.KeycloakLimits;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A client id with its secret, answered exactly once: when the client is created and when its secret is rotated.
 * This service stores neither; Keycloak keeps the secret.
 */
@Schema(description = "A client's credentials for the client credentials grant; the secret is shown only in this "
        + "answer")
public record IntegratorCredentials(@Schema(maxLength = KeycloakLimits.TEXT, example = "integrator-acme-erp")
                                    String clientId,
                                    @Schema(maxLength = KeycloakLimits.TEXT, description = "Keep it secret; it is "
                                            + "never shown again (rotate it if lost)") String clientSecret,
                                    @Schema(maxLength = TOKEN_ENDPOINT_MAX_LENGTH, format = "uri",
                                            description = "Where to ask for tokens with grant_type "
                                                    + "client_credentials") String tokenEndpoint) {

    /** The Keycloak URL this service is configured with, plus the realm's token path: a URL, at most 2048. */
    public static final int TOKEN_ENDPOINT_MAX_LENGTH = 2048;

    @Override
    public String toString() {
        return "IntegratorCredentials[clientId=" + clientId + "]";
    }
}
