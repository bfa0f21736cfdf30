package dev.shopstream.auth.api;

import dev.shopstream.auth.keycloak.ShopRole;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Set;

/** The shop roles a user holds after a change. */
public record UserRoles(@Schema(maxItems = ShopRole.COUNT, description = "Among customer, support, admin, integrator")
                        Set<@Size(max = ShopRole.NAME_MAX_LENGTH) String> roles) {
}
