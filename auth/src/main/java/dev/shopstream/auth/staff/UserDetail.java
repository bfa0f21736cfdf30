package dev.shopstream.auth.staff;

import dev.shopstream.auth.keycloak.KeycloakLimits;
import dev.shopstream.auth.keycloak.ShopRole;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Set;

/**
 * One user as staff see them: the summary, shop roles, whether brute-force protection has locked the account now,
 * pending Keycloak actions and how many sessions are open.
 */
public record UserDetail(UserSummary user,
                         @Schema(maxItems = ShopRole.COUNT, description = "Among customer, support, admin, integrator")
                         Set<@Size(max = ShopRole.NAME_MAX_LENGTH) String> roles,
                         @Schema(description = "Whether brute-force protection locks the account now, after failed "
                                 + "sign-ins") boolean locked,
                         @Schema(maxItems = KeycloakLimits.REQUIRED_ACTIONS, description = "Keycloak actions the user "
                                 + "must complete at the next sign-in, such as VERIFY_EMAIL or UPDATE_PASSWORD")
                         List<@Size(max = KeycloakLimits.TEXT) String> pendingActions,
                         @Schema(description = "How many sessions the user has open") int openSessions) {
}
