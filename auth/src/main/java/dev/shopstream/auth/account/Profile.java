package dev.shopstream.auth.account;

import dev.shopstream.auth.keycloak.KeycloakLimits;
import dev.shopstream.auth.keycloak.ShopRole;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A user as they see themselves: identity from Keycloak and the shop roles they hold. */
@Schema(description = "The signed-in user's profile as Keycloak keeps it, with the shop roles they hold")
public record Profile(@Schema(maxLength = KeycloakLimits.ID, description = "The user's id, the sub of their tokens")
                      String id,
                      @Schema(maxLength = KeycloakLimits.TEXT, description = "The sign-in name; for customers the "
                              + "e-mail address they signed up with") String username,
                      @Schema(maxLength = KeycloakLimits.TEXT) String email,
                      boolean emailVerified,
                      @Schema(maxLength = KeycloakLimits.TEXT) String firstName,
                      @Schema(maxLength = KeycloakLimits.TEXT) String lastName,
                      @Schema(maxLength = LOCALE_MAX_LENGTH, description = "Language for mails and Keycloak's pages, "
                              + "such as en or de-AT; absent when never chosen") String locale,
                      @Schema(maxItems = ShopRole.COUNT, description = "Among customer, support, admin, integrator")
                      Set<@Size(max = ShopRole.NAME_MAX_LENGTH) String> roles,
                      Instant createdAt) {

    /** A language code such as {@code en} or {@code de-AT}, the only form a locale is saved in. */
    public static final int LOCALE_MAX_LENGTH = 5;

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
