package dev.shopstream.catalog.search;

import dev.shopstream.commons.money.Money;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One page of search hits, best first, with facet counts over all matches (not only this page). */
public record SearchResult(List<ProductSummary> items, String nextCursor, Facets facets) {

    /** A product as lists show it: its price in the shopper's currency and its first image. */
    public record ProductSummary(UUID id, String slug, String name, String description, Money price, UUID categoryId,
                                 Map<String, String> attributes, String imageUrl, boolean inStock) {
    }

    public record Facets(List<CategoryCount> categories, List<PriceBand> priceBands) {

        static final Facets NONE = new Facets(List.of(), List.of());
    }

    public record CategoryCount(UUID categoryId, long count) {
    }

    /** Products priced from {@code fromMinor} (inclusive) to {@code toMinor} (exclusive; absent for the last band). */
    public record PriceBand(long fromMinor, Long toMinor, String currency, long count) {
    }
}
