package dev.shopstream.catalog.product;

import dev.shopstream.commons.money.Money;

import java.util.UUID;

/** Everything staff set on a product, for creating it or replacing its details. */
public record ProductDetails(String slug, ProductStatus status, UUID categoryId, String name, String description,
                             Money price) {
}
