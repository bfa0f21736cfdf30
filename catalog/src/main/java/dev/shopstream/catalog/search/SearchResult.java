package dev.shopstream.catalog.search;

import dev.shopstream.catalog.category.CategoryCatalog;
import dev.shopstream.catalog.product.AttributeConstraints;
import dev.shopstream.catalog.product.ProductInput;
import dev.shopstream.commons.money.Money;
import dev.shopstream.commons.paging.Cursor;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One page of search hits, best first, with facet counts over all matches (not only this page). The {@code @Size}
 * on type arguments only document limits, which {@code @Schema} cannot state for a map's values.
 */
public record SearchResult(@Schema(maxItems = ProductSearch.MAX_PAGE_SIZE, description = "At most the limit asked for")
                           List<ProductSummary> items,
                           @Schema(maxLength = Cursor.MAX_LENGTH,
                                   description = "Pass it back as cursor for the next page; absent on the last page")
                           String nextCursor,
                           Facets facets) {

    /** A product as lists show it: its price in the shopper's currency and its first image. */
    public record ProductSummary(UUID id, @Schema(maxLength = ProductInput.SLUG_MAX_LENGTH) String slug,
                                 @Schema(maxLength = ProductInput.NAME_MAX_LENGTH) String name,
                                 @Schema(maxLength = ProductInput.DESCRIPTION_MAX_LENGTH) String description,
                                 @Schema(description = "The price in the currency asked for") Money price,
                                 UUID categoryId,
                                 Map<String, @Size(max = AttributeConstraints.VALUE_MAX_LENGTH) String> attributes,
                                 @Schema(maxLength = ProductInput.IMAGE_URL_MAX_LENGTH,
                                         description = "The first image; absent when there is none") String imageUrl,
                                 @Schema(description = "Whether a SKU of it has stock available") boolean inStock) {
    }

    @Schema(description = "Counts over all matches; empty on pages after a cursor")
    public record Facets(@Schema(maxItems = CategoryCatalog.MAX_LIVE_CATEGORIES,
                                 description = "Matches per category, most first") List<CategoryCount> categories,
                         @Schema(maxItems = ProductSearch.PRICE_BAND_COUNT) List<PriceBand> priceBands) {

        static final Facets NONE = new Facets(List.of(), List.of());
    }

    public record CategoryCount(UUID categoryId, long count) {
    }

    /** Products priced from {@code fromMinor} (inclusive) to {@code toMinor} (exclusive; absent for the last band). */
    @Schema(description = "Matches priced from fromMinor (inclusive) to toMinor (exclusive; absent for the last band)")
    public record PriceBand(long fromMinor, Long toMinor, @Schema(maxLength = 3, example = "EUR") String currency,
                            long count) {
    }
}
