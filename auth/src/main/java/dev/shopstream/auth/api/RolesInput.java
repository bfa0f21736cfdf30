package dev.shopstream.auth.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** The complete set of shop roles a user should hold: customer, support, admin, integrator. */
public record RolesInput(@NotNull @Size(max = 4) Set<@NotBlank @Size(max = 40) String> roles) {
}
