package dev.shopstream.catalog.product;

import dev.shopstream.commons.money.Money;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What catalog announces on {@code product.events}; the data of each CloudEvent (see docs/events/product.events.md). */
public final class ProductEvents {

    public static final String TOPIC = "product.events";
    public static final String CREATED = "dev.shopstream.catalog.product.created";
    public static final String UPDATED = "dev.shopstream.catalog.product.updated";
    public static final String PRICE_CHANGED = "dev.shopstream.catalog.product.price-changed";
    public static final String ARCHIVED = "dev.shopstream.catalog.product.archived";

    private ProductEvents() {
    }

    /** The product as it is after the change; the data of created and updated events. */
    public record ProductState(UUID productId, String slug, ProductStatus status, UUID categoryId, String name,
                               String description, Money price, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static ProductState of(Product product) {
            return new ProductState(product.id(), product.slug(), product.status(), product.categoryId(),
                    product.name(), product.description(), product.price(), product.createdAt(), product.updatedAt());
        }
    }

    public record PriceChanged(UUID productId, Money previousPrice, Money price, OffsetDateTime changedAt) {
    }

    public record ProductArchived(UUID productId, OffsetDateTime archivedAt) {
    }
}
