package dev.shopstream.auth.integrators;

import dev.shopstream.auth.keycloak.KeycloakLimits;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.keycloak.representations.idm.ClientRepresentation;

/** A partner's confidential client, without its secret. */
@Schema(description = "A partner's OAuth2 client, without its secret")
public record IntegratorClient(@Schema(maxLength = KeycloakLimits.TEXT, example = "integrator-acme-erp",
                                       description = "The client id, integrator- and the name") String clientId,
                               @Schema(maxLength = KeycloakLimits.TEXT, example = "acme-erp") String name,
                               @Schema(maxLength = KeycloakLimits.TEXT) String description,
                               @Schema(description = "Whether Keycloak issues it tokens") boolean enabled) {

    /**
     * The most integrator clients the list shows. Nothing enforces it; a realm holds a handful of partners, and
     * the list is not paged.
     */
    public static final int MAX_LISTED = 1000;

    static IntegratorClient of(ClientRepresentation client) {
        return new IntegratorClient(client.getClientId(), client.getName(), client.getDescription(),
                Boolean.TRUE.equals(client.isEnabled()));
    }
}
