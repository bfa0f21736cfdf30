package dev.shopstream.catalog.product;

/** Where a product is in its life: only active products are visible to shoppers. */
public enum ProductStatus {
    /** Being prepared by staff; invisible to the public. */
    DRAFT,
    /** On sale. */
    ACTIVE,
    /** Withdrawn for good; kept for orders and history, invisible to the public, no longer editable. */
    ARCHIVED
}
