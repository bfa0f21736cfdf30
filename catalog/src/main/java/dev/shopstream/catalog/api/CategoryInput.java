package dev.shopstream.catalog.api;

import dev.shopstream.commons.web.Slugs;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** The body of {@code POST /api/categories} and {@code PUT /api/categories/{id}}; no parent means a top level. */
public record CategoryInput(
        @NotNull @Size(max = CategoryInput.SLUG_MAX_LENGTH)
        @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case words joined by hyphens")
        @Schema(description = "Unique among categories (taken → 409)", example = "kitchen-appliances")
        String slug,
        @NotBlank @Size(max = CategoryInput.NAME_MAX_LENGTH) @Schema(example = "Kitchen appliances") String name,
        @Schema(description = "A live category to sit below (unknown or archived → 422); absent for a top level")
        UUID parentId) {

    /** The {@code category.slug} column. */
    public static final int SLUG_MAX_LENGTH = 120;

    /** The {@code category.name} column. */
    public static final int NAME_MAX_LENGTH = 200;
}
