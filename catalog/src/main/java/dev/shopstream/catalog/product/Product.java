package dev.shopstream.catalog.product;

import dev.shopstream.commons.money.Money;
import dev.shopstream.commons.db.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/** A product in the catalogue: its identity, lifecycle, category and price. */
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

    @Column(name = "price_minor", nullable = false)
    private long priceMinor;

    @Column(nullable = false, length = 3)
    private String currency;

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

    public boolean isVisibleToPublic() {
        return status == ProductStatus.ACTIVE;
    }

    private void apply(ProductDetails details, OffsetDateTime now) {
        Objects.requireNonNull(details.price(), "price");
        this.slug = details.slug();
        this.status = details.status();
        this.categoryId = details.categoryId();
        this.name = details.name().strip();
        this.description = details.description() == null ? "" : details.description().strip();
        this.priceMinor = details.price().amountMinor();
        this.currency = details.price().currency();
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

    public Money price() {
        return Money.of(priceMinor, currency);
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
