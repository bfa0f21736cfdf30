package dev.shopstream.catalog.transfer;

import java.util.List;

/**
 * What a CSV import did. Rows are written per product: a product with any bad row is rejected with all its rows,
 * so no product is ever half-imported; every other product is written.
 */
public record ImportReport(int rows, int productsCreated, int productsUpdated, int skusCreated, int skusUpdated,
                           int rejectedRows, List<RowError> errors, boolean errorsTruncated) {

    /** One problem with one row: its line in the file (the header is line 1) and the column, when one is to blame. */
    public record RowError(long line, String column, String message) {
    }
}
