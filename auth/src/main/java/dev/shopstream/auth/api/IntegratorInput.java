package dev.shopstream.auth.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partner's client: its client id becomes {@code integrator-<name>}. */
public record IntegratorInput(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "must be 2-40 lower-case letters, digits or dashes")
        String name,
        @Size(max = 255) String description) {
}
