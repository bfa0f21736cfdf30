package dev.shopstream.catalog.api;

import dev.shopstream.catalog.product.AttributeConstraints;
import dev.shopstream.catalog.product.Product;
import dev.shopstream.catalog.product.ProductInput;
import dev.shopstream.catalog.product.ProductStatus;
import dev.shopstream.commons.money.Money;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A product as staff see it, every field and price. The {@code @Size} on type arguments only document the limits
 * (this record is not validated): {@code @Schema} cannot annotate a map's values or a list's items.
 */
public record ProductView(UUID id, @Schema(maxLength = ProductInput.SLUG_MAX_LENGTH) String slug,
                          ProductStatus status, UUID categoryId,
                          @Schema(maxLength = ProductInput.NAME_MAX_LENGTH) String name,
                          @Schema(maxLength = ProductInput.DESCRIPTION_MAX_LENGTH) String description,
                          @Schema(maxItems = ProductInput.MAX_PRICES, description = "One per currency")
                          List<Money> prices,
                          Map<String, @Size(max = AttributeConstraints.VALUE_MAX_LENGTH) String> attributes,
                          @Schema(maxItems = ProductInput.MAX_IMAGE_URLS)
                          List<@Size(max = ProductInput.IMAGE_URL_MAX_LENGTH) String> imageUrls,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

    static ProductView of(Product product) {
        return new ProductView(product.id(), product.slug(), product.status(), product.categoryId(), product.name(),
                product.description(), product.prices(), product.attributes(), product.imageUrls(),
                product.createdAt(), product.updatedAt(), product.version());
    }
}
