package dev.shopstream.catalog.category;

import dev.shopstream.commons.db.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A node of the category tree; its slug is unique across the catalogue. */
@Entity
@Table(name = "category")
public class Category {

    @Id
    private UUID id;

    @Column(name = "parent_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID parentId;

    @Column(nullable = false, length = 120)
    private String slug;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false)
    private boolean archived;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Category() {
        // for JPA
    }

    Category(UUID id, String slug, String name, UUID parentId, OffsetDateTime now) {
        this.id = id;
        this.createdAt = now;
        change(slug, name, parentId, now);
    }

    void change(String slug, String name, UUID parentId, OffsetDateTime now) {
        this.slug = slug;
        this.name = name.strip();
        this.parentId = parentId;
        this.updatedAt = now;
    }

    void archive(OffsetDateTime now) {
        this.archived = true;
        this.updatedAt = now;
    }

    public boolean archived() {
        return archived;
    }

    public UUID id() {
        return id;
    }

    public UUID parentId() {
        return parentId;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
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
