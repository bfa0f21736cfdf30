package dev.shopstream.auth.staff;

import org.keycloak.representations.idm.UserRepresentation;

import java.time.Instant;

/** A user in the staff's search results. */
public record UserSummary(String id, String username, String email, String firstName, String lastName,
                          boolean enabled, boolean emailVerified, Instant createdAt) {

    static UserSummary of(UserRepresentation user) {
        return new UserSummary(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(),
                user.getLastName(), Boolean.TRUE.equals(user.isEnabled()), Boolean.TRUE.equals(user.isEmailVerified()),
                user.getCreatedTimestamp() == null ? null : Instant.ofEpochMilli(user.getCreatedTimestamp()));
    }
}
