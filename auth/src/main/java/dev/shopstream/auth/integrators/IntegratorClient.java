package dev.shopstream.auth.integrators;

import org.keycloak.representations.idm.ClientRepresentation;

/** A partner's confidential client, without its secret. */
public record IntegratorClient(String clientId, String name, String description, boolean enabled) {

    static IntegratorClient of(ClientRepresentation client) {
        return new IntegratorClient(client.getClientId(), client.getName(), client.getDescription(),
                Boolean.TRUE.equals(client.isEnabled()));
    }
}
