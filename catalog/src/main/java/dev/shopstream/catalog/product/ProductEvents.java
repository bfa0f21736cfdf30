package dev.shopstream.catalog.product;

import dev.shopstream.commons.money.Money;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What catalog announces on {@code product.events}; the data of each CloudEvent (see docs/events/product.events.md). */
public final class ProductEvents {

    public static final String TOPIC = "product.events";
    public static final String CREATED = "dev.shopstream.catalog.product.created";

    private ProductEvents() {
    }

    public record ProductCreated(UUID productId, String name, String description, Money price,
                                 OffsetDateTime createdAt) {

        static ProductCreated of(Product product) {
            return new ProductCreated(product.id(), product.name(), product.description(), product.price(),
                    product.createdAt());
        }
    }
}
