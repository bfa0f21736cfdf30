package dev.shopstream.catalog.api;

import dev.shopstream.catalog.category.Category;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A category as the API shows it; clients build the tree from {@code parentId}. */
public record CategoryView(UUID id, String slug, String name, UUID parentId, boolean archived,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

    static CategoryView of(Category category) {
        return new CategoryView(category.id(), category.slug(), category.name(), category.parentId(),
                category.archived(), category.createdAt(), category.updatedAt(), category.version());
    }
}
