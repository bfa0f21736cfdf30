package dev.shopstream.catalog.api;

import dev.shopstream.commons.web.Slugs;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** The body of {@code POST /api/categories} and {@code PUT /api/categories/{id}}; no parent means a top level. */
public record CategoryInput(
        @NotNull @Size(max = 120) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case words joined by hyphens")
        String slug,
        @NotBlank @Size(max = 200) String name,
        UUID parentId) {
}
