package dev.shopstream.auth.account;

import org.keycloak.representations.idm.UserRepresentation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A user as they see themselves: identity from Keycloak and the shop roles they hold. */
public record Profile(String id, String username, String email, boolean emailVerified, String firstName,
                      String lastName, String locale, Set<String> roles, Instant createdAt) {

    static Profile of(UserRepresentation user, Set<String> roles) {
        return new Profile(user.getId(), user.getUsername(), user.getEmail(), Boolean.TRUE.equals(user.isEmailVerified()),
                user.getFirstName(), user.getLastName(), locale(user.getAttributes()), roles,
                user.getCreatedTimestamp() == null ? null : Instant.ofEpochMilli(user.getCreatedTimestamp()));
    }

    private static String locale(Map<String, List<String>> attributes) {
        if (attributes == null || attributes.getOrDefault("locale", List.of()).isEmpty()) {
            return null;
        }
        return attributes.get("locale").get(0);
    }
}
