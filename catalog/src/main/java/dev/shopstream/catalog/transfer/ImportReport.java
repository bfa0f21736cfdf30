package dev.shopstream.catalog.transfer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What a CSV import did. Rows are written per product: a product with any bad row is rejected with all its rows,
 * so no product is ever half-imported; every other product is written.
 */
public record ImportReport(int rows, int productsCreated, int productsUpdated, int skusCreated, int skusUpdated,
                           int rejectedRows,
                           @Schema(maxItems = ProductImport.MAX_REPORTED_ERRORS,
                                   description = "The first problems, in the order they were found")
                           List<RowError> errors,
                           @Schema(description = "Whether there were more problems than errors lists")
                           boolean errorsTruncated) {

    /** One problem with one row: its line in the file (the header is line 1) and the column, when one is to blame. */
    public record RowError(long line,
                           @Schema(maxLength = COLUMN_MAX_LENGTH, example = "sku_code",
                                   description = "The column's header; absent when the whole row is to blame")
                           String column,
                           @Schema(maxLength = MESSAGE_MAX_LENGTH) String message) {

        /** Longer than any column header of {@link ProductCsv.Column}. */
        static final int COLUMN_MAX_LENGTH = 40;

        /** The longest message; longer ones (quoting a long cell) are cut short. */
        static final int MESSAGE_MAX_LENGTH = 500;

        /** A row error whose message is cut to {@link #MESSAGE_MAX_LENGTH}, ending in an ellipsis if it was longer. */
        static RowError of(long line, String column, String message) {
            if (message.length() <= MESSAGE_MAX_LENGTH) {
                return new RowError(line, column, message);
            }
            int cut = MESSAGE_MAX_LENGTH - 1;
            if (Character.isHighSurrogate(message.charAt(cut - 1))) {
                cut--;
            }
            return new RowError(line, column, message.substring(0, cut) + "…");
        }
    }
}
