package dev.shopstream.catalog.api;

import dev.shopstream.catalog.category.Category;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A category as the API shows it; clients build the tree from {@code parentId}. */
@Schema(description = "A category; parentId links it to the one it sits below (absent at the top level)")
public record CategoryView(UUID id, @Schema(maxLength = CategoryInput.SLUG_MAX_LENGTH) String slug,
                           @Schema(maxLength = CategoryInput.NAME_MAX_LENGTH) String name, UUID parentId,
                           boolean archived, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

    static CategoryView of(Category category) {
        return new CategoryView(category.id(), category.slug(), category.name(), category.parentId(),
                category.archived(), category.createdAt(), category.updatedAt(), category.version());
    }
}
