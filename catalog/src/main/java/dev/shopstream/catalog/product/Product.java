package dev.shopstream.catalog.product;

import dev.shopstream.commons.db.JsonColumns;
import dev.shopstream.commons.db.NullableUuidConverter;
import dev.shopstream.commons.money.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/** A product in the catalogue: its identity, lifecycle, category, prices (one per currency), attributes and images. */
@Entity
@Table(name = "product")
public class Product {

    @Id
    private UUID id;

    @Column(nullable = false, length = 160)
    private String slug;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ProductStatus status;

    @Column(name = "category_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID categoryId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 4000)
    private String description;

    /** Amount in minor units per ISO 4217 currency code. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "product_price", joinColumns = @JoinColumn(name = "product_id"))
    @MapKeyColumn(name = "currency", length = 3)
    @Column(name = "amount_minor", nullable = false)
    private Map<String, Long> prices = new TreeMap<>();

    @Convert(converter = JsonColumns.StringMap.class)
    @Column(nullable = false)
    private Map<String, String> attributes = new TreeMap<>();

    @Convert(converter = JsonColumns.StringList.class)
    @Column(name = "image_urls", nullable = false)
    private List<String> imageUrls = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Product() {
        // for JPA
    }

    private Product(UUID id, OffsetDateTime now) {
        this.id = id;
        this.createdAt = now;
    }

    /** A new product; timestamps are cut to microseconds, PostgreSQL's precision, so cursors compare exactly. */
    public static Product create(ProductDetails details, Clock clock) {
        Product product = new Product(UUID.randomUUID(), now(clock));
        product.apply(details, product.createdAt);
        return product;
    }

    /** Replaces the staff-editable details. Archived products are read-only. */
    public void update(ProductDetails details, Clock clock) {
        if (status == ProductStatus.ARCHIVED) {
            throw new IllegalStateException("Archived product " + id + " cannot change");
        }
        if (details.status() == ProductStatus.ARCHIVED) {
            throw new IllegalArgumentException("Products are archived through archive(), not by an update");
        }
        apply(details, now(clock));
    }

    /** Withdraws the product for good; archiving an archived product changes nothing. */
    public boolean archive(Clock clock) {
        if (status == ProductStatus.ARCHIVED) {
            return false;
        }
        status = ProductStatus.ARCHIVED;
        updatedAt = now(clock);
        return true;
    }

    /** Whether these details are exactly what the product already has, so replacing them would change nothing. */
    public boolean hasDetails(ProductDetails details) {
        Map<String, Long> detailPrices = new TreeMap<>();
        details.prices().forEach(price -> detailPrices.put(price.currency(), price.amountMinor()));
        return slug.equals(details.slug()) && status == details.status()
                && Objects.equals(categoryId, details.categoryId())
                && name.equals(details.name().strip())
                && description.equals(details.description() == null ? "" : details.description().strip())
                && prices.equals(detailPrices) && attributes.equals(details.attributes())
                && imageUrls.equals(details.imageUrls());
    }

    private void apply(ProductDetails details, OffsetDateTime now) {
        if (details.prices().isEmpty()) {
            throw new IllegalArgumentException("A product needs at least one price");
        }
        this.slug = details.slug();
        this.status = details.status();
        this.categoryId = details.categoryId();
        this.name = details.name().strip();
        this.description = details.description() == null ? "" : details.description().strip();
        Map<String, Long> newPrices = new TreeMap<>();
        details.prices().forEach(price -> newPrices.put(price.currency(), price.amountMinor()));
        if (!newPrices.equals(prices)) {
            prices.clear();
            prices.putAll(newPrices);
        }
        this.attributes = new TreeMap<>(details.attributes());
        this.imageUrls = new ArrayList<>(details.imageUrls());
        this.updatedAt = now;
    }

    private static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    public UUID id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public ProductStatus status() {
        return status;
    }

    public UUID categoryId() {
        return categoryId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The prices, one per currency, in currency order. */
    public List<Money> prices() {
        return new TreeMap<>(prices).entrySet().stream()
                .map(price -> Money.of(price.getValue(), price.getKey())).toList();
    }

    public Map<String, String> attributes() {
        return new TreeMap<>(attributes);
    }

    public List<String> imageUrls() {
        return List.copyOf(imageUrls);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
