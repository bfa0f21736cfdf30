package dev.shopstream.auth.api;

import dev.shopstream.auth.keycloak.ShopRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Set;

/** The complete set of shop roles a user should hold: customer, support, admin, integrator. */
public record RolesInput(@NotNull @Size(max = ShopRole.COUNT)
                         @Schema(example = "[\"customer\", \"support\"]", description = "The complete set, among "
                                 + "customer, support, admin and integrator; empty removes every shop role")
                         Set<@NotBlank @Size(max = 40) String> roles) {
}
