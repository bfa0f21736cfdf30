package dev.shopstream.auth.account;

import dev.shopstream.auth.keycloak.KeycloakLimits;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.keycloak.representations.idm.UserSessionRepresentation;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A Keycloak session (one sign-in, shared by the clients it signed in to). */
@Schema(description = "One sign-in: a Keycloak session, shared by the applications it signed in to")
public record Session(@Schema(maxLength = KeycloakLimits.ID, description = "The session id, the sid of its tokens")
                      String id,
                      @Schema(maxLength = KeycloakLimits.IP_ADDRESS, description = "The address it signed in from")
                      String ipAddress,
                      Instant startedAt,
                      Instant lastAccessAt,
                      @Schema(maxItems = KeycloakLimits.CLIENTS_PER_SESSION, description = "The client ids of the "
                              + "applications signed in with it, such as shopstream-web")
                      Set<@Size(max = KeycloakLimits.TEXT) String> clients,
                      @Schema(description = "Whether this is the session of the token that asked") boolean current) {

    static Session of(UserSessionRepresentation session, String currentSessionId) {
        return new Session(session.getId(), session.getIpAddress(), Instant.ofEpochMilli(session.getStart()),
                Instant.ofEpochMilli(session.getLastAccess()),
                session.getClients() == null ? Set.of() : new TreeSet<>(session.getClients().values()),
                session.getId().equals(currentSessionId));
    }
}
