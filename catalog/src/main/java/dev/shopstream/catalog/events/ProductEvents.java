package dev.shopstream.catalog.events;

import dev.shopstream.commons.money.Money;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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
    public record ProductState(UUID productId, String slug, String status, UUID categoryId, String name,
                               String description, List<Money> prices, Map<String, String> attributes,
                               List<String> imageUrls, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** The complete price list before and after; a currency missing from {@code prices} is no longer sold. */
    public record PriceChanged(UUID productId, List<Money> previousPrices, List<Money> prices,
                               OffsetDateTime changedAt) {
    }

    public record ProductArchived(UUID productId, OffsetDateTime archivedAt) {
    }
}
