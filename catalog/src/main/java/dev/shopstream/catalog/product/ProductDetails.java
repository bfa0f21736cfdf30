package dev.shopstream.catalog.product;

import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.commons.money.Money;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Everything staff set on a product, for creating it or replacing its details. */
public record ProductDetails(String slug, ProductStatus status, UUID categoryId, String name, String description,
                             List<Money> prices, Map<String, String> attributes, List<String> imageUrls) {

    public ProductDetails {
        prices = List.copyOf(prices);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
    }

    /**
     * Refuses what staff may not set: the archived status (archiving is its own action), two prices in one currency.
     */
    public void requireSettable() {
        if (status == ProductStatus.ARCHIVED) {
            throw new RuleViolationException("Products are archived with POST /api/products/{id}/archive.");
        }
        Set<String> currencies = new HashSet<>();
        prices.stream().map(Money::currency).filter(currency -> !currencies.add(currency)).findFirst()
                .ifPresent(currency -> {
                    throw new RuleViolationException("Two prices in " + currency + "; give one per currency.");
                });
    }
}
