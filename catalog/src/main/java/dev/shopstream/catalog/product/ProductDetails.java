package dev.shopstream.catalog.product;

import dev.shopstream.commons.money.Money;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Everything staff set on a product, for creating it or replacing its details. */
public record ProductDetails(String slug, ProductStatus status, UUID categoryId, String name, String description,
                             List<Money> prices, Map<String, String> attributes, List<String> imageUrls) {

    public ProductDetails {
        prices = List.copyOf(prices);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
    }
}
