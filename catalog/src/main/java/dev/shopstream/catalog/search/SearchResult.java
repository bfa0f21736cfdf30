package dev.shopstream.catalog.search;

import dev.shopstream.commons.money.Money;

import java.util.List;
import java.util.UUID;

/** One page of search hits, best first, with facet counts over all matches (not only this page). */
public record SearchResult(List<Hit> items, String nextCursor, Facets facets) {

    public record Hit(UUID id, String slug, String name, String description, Money price, UUID categoryId,
                      float rank) {
    }

    public record Facets(List<CategoryCount> categories, List<PriceBand> priceBands) {
    }

    public record CategoryCount(UUID categoryId, long count) {
    }

    /** Products priced from {@code fromMinor} (inclusive) to {@code toMinor} (exclusive; absent for the last band). */
    public record PriceBand(long fromMinor, Long toMinor, String currency, long count) {
    }
}
