package dev.shopstream.catalog.api;

import dev.shopstream.catalog.inventory.Inventory;
import dev.shopstream.catalog.inventory.NewSku;
import dev.shopstream.catalog.product.AttributeConstraints;
import dev.shopstream.catalog.product.ProductInput;
import dev.shopstream.commons.money.Money;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A product page: the product, its prices (and {@code price} in the currency asked for, if any) and each SKU with
 * what is available to buy. PostgreSQL renders the page ({@link dev.shopstream.catalog.search.ProductPages}); this
 * record is its schema in the OpenAPI document, and ProductApiIT checks that the two have the same properties. The
 * {@code @Size} on type arguments only document limits, which {@code @Schema} cannot state for a map's values or a
 * list's items.
 */
@Schema(description = "An active product as shoppers see it")
public record PublicProductView(UUID id, @Schema(maxLength = ProductInput.SLUG_MAX_LENGTH) String slug,
                                @Schema(maxLength = ProductInput.NAME_MAX_LENGTH) String name,
                                @Schema(maxLength = ProductInput.DESCRIPTION_MAX_LENGTH) String description,
                                UUID categoryId,
                                Map<String, @Size(max = AttributeConstraints.VALUE_MAX_LENGTH) String> attributes,
                                @Schema(maxItems = ProductInput.MAX_IMAGE_URLS)
                                List<@Size(max = ProductInput.IMAGE_URL_MAX_LENGTH) String> imageUrls,
                                @Schema(maxItems = ProductInput.MAX_PRICES, description = "One per currency")
                                List<Money> prices,
                                @Schema(description = "The price in the currency asked for; absent without one")
                                Money price,
                                @Schema(maxItems = Inventory.MAX_SKUS_PER_PRODUCT, description = "The active SKUs")
                                List<SkuView> skus,
                                OffsetDateTime updatedAt) {

    @Schema(name = "PublicSkuView", description = "A SKU on a product page, with what can be bought now")
    public record SkuView(@Schema(maxLength = NewSku.CODE_MAX_LENGTH) String code,
                          Map<String, @Size(max = AttributeConstraints.VALUE_MAX_LENGTH) String> attributes,
                          int available, boolean inStock) {
    }
}
