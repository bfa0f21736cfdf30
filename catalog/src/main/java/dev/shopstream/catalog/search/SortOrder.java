package dev.shopstream.catalog.search;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders shoppers can list products in. Each is stable: ties are broken by the product id in the same
 * direction, so keyset cursors ({@code (key, id) < (?, ?)}) never skip or repeat a product.
 */
public enum SortOrder {
    RELEVANCE("relevance", "ts_rank(p.search, q)", "real", true),
    NEWEST("newest", "p.created_at", "timestamptz", true),
    PRICE_ASC("price-asc", "pp.amount_minor", "bigint", false),
    PRICE_DESC("price-desc", "pp.amount_minor", "bigint", true),
    NAME("name", "p.name", "text", false);

    /** The values of the {@code sort} query parameter, for its validation pattern. */
    public static final String PARAMETER_PATTERN = "relevance|newest|price-asc|price-desc|name";

    /** The longest of those values. */
    public static final int PARAMETER_MAX_LENGTH = 10;

    private final String parameter;
    final String key;
    final String sqlType;
    final boolean descending;

    SortOrder(String parameter, String key, String sqlType, boolean descending) {
        this.parameter = parameter;
        this.key = key;
        this.sqlType = sqlType;
        this.descending = descending;
    }

    public static Optional<SortOrder> ofParameter(String value) {
        return Arrays.stream(values()).filter(order -> order.parameter.equals(value)).findFirst();
    }

    public String parameter() {
        return parameter;
    }

    String orderBy() {
        String direction = descending ? " DESC" : " ASC";
        return " ORDER BY " + key + direction + ", p.id" + direction;
    }

    /** The condition for rows after the cursor's position; binds the key value then the id. */
    String after() {
        return " AND (" + key + ", p.id) " + (descending ? "<" : ">") + " (CAST(? AS " + sqlType + "), CAST(? AS uuid))";
    }
}
