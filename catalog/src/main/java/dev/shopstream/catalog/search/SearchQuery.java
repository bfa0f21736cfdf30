package dev.shopstream.catalog.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A shopper's search: the words they typed and the filters they chose. Every word matches as a prefix, so
 * "trail run" finds "Trail runner"; words are reduced to letters and digits, so no input can break the query.
 */
public record SearchQuery(String text, Optional<UUID> categoryId, String currency, Optional<Long> minPriceMinor,
                          Optional<Long> maxPriceMinor, boolean inStockOnly) {

    /** The PostgreSQL tsquery text, e.g. {@code trail:* & run:*}; empty when no usable word was typed. */
    public String prefixQuery() {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .limit(10)
                .map(word -> word + ":*")
                .collect(Collectors.joining(" & "));
    }
}
