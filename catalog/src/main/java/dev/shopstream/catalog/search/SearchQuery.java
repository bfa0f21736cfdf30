package dev.shopstream.catalog.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a shopper browses or searches for: the words they typed (none when browsing), the filters they chose, the
 * currency they shop in and the order. Every word matches as a prefix, so "trail run" finds "Trail runner"; words
 * are reduced to letters and digits, so no input can break the query.
 */
public record SearchQuery(Optional<String> text, Optional<UUID> categoryId, String currency,
                          Optional<Long> minPriceMinor, Optional<Long> maxPriceMinor, boolean inStockOnly,
                          Map<String, String> attributes, SortOrder sort) {

    public SearchQuery {
        attributes = Map.copyOf(attributes);
    }

    /** The words typed, lower case, letters and digits only, at most ten; empty when no usable word was typed. */
    public List<String> words() {
        return Arrays.stream(text.orElse("").toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .limit(10)
                .toList();
    }
}
