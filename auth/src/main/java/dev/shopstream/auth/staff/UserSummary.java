package dev.shopstream.auth.staff;

import dev.shopstream.auth.keycloak.KeycloakLimits;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Instant;

/** A user in the staff's search results. */
public record UserSummary(@Schema(maxLength = KeycloakLimits.ID, description = "The user's id, the sub of their "
                                  + "tokens") String id,
                          @Schema(maxLength = KeycloakLimits.TEXT) String username,
                          @Schema(maxLength = KeycloakLimits.TEXT) String email,
                          @Schema(maxLength = KeycloakLimits.TEXT) String firstName,
                          @Schema(maxLength = KeycloakLimits.TEXT) String lastName,
                          @Schema(description = "False once staff disabled the account: it cannot sign in")
                          boolean enabled,
                          boolean emailVerified,
                          Instant createdAt) {

    static UserSummary of(UserRepresentation user) {
        return new UserSummary(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(),
                user.getLastName(), Boolean.TRUE.equals(user.isEnabled()), Boolean.TRUE.equals(user.isEmailVerified()),
                user.getCreatedTimestamp() == null ? null : Instant.ofEpochMilli(user.getCreatedTimestamp()));
    }
}
