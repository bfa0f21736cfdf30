package dev.shopstream.auth.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner's client: its client id becomes {@code integrator-<name>}. */
public record IntegratorInput(
        @NotBlank @Size(max = IntegratorInput.NAME_MAX_LENGTH)
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "must be 2-40 lower-case letters, digits or dashes")
        @Schema(example = "acme-erp", description = "2-40 lower-case letters, digits or dashes; the client id becomes "
                + "integrator-<name>")
        String name,
        @Size(max = 255) @Schema(example = "Acme Corp's ERP, syncing orders nightly") String description) {

    /** The pattern's bound: 40 characters. */
    static final int NAME_MAX_LENGTH = 40;
}
