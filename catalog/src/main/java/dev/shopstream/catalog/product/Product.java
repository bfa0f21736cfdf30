package dev.shopstream.catalog.product;

import dev.shopstream.commons.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/** A product in the catalogue, with its price. */
@Entity
@Table(name = "product")
public class Product {

    @Id
    private UUID id;

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

    private Product(UUID id, String name, String description, Money price, OffsetDateTime now) {
        this.id = id;
        this.name = name.strip();
        this.description = description == null ? "" : description.strip();
        this.priceMinor = price.amountMinor();
        this.currency = price.currency();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new product; timestamps are cut to microseconds, PostgreSQL's precision, so cursors compare exactly. */
    public static Product create(String name, String description, Money price, Clock clock) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        return new Product(UUID.randomUUID(), name, description, price,
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
    }

    public UUID id() {
        return id;
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
