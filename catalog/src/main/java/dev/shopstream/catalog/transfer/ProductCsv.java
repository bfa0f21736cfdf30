package dev.shopstream.catalog.transfer;

import dev.shopstream.commons.money.Money;
import org.apache.commons.csv.CSVFormat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The CSV format of product imports and exports (RFC 4180, UTF-8, a header row; docs/catalog-csv.md): one row per
 * SKU, the product's columns repeated on each, or one row without SKU columns for a product without SKUs. Lists in a
 * cell are separated by {@code |}: prices {@code EUR:12999|USD:13999}, attributes {@code colour=red|size=M}, image
 * URLs {@code https://a|https://b}.
 */
public final class ProductCsv {

    public static final String MEDIA_TYPE = "text/csv";

    /**
     * The largest file an import takes, as the OpenAPI document states it: RequestSizeLimitFilter enforces it, from
     * {@code shopstream.request.max-bulk-body-bytes}.
     */
    public static final int MAX_IMPORT_BYTES = 16 * 1024 * 1024;

    /** The columns in export order; imports find them by name, and all but the required ones may be absent. */
    public enum Column {
        PRODUCT_SLUG, NAME, DESCRIPTION, CATEGORY_SLUG, STATUS, PRICES, ATTRIBUTES, IMAGE_URLS, SKU_CODE,
        SKU_ATTRIBUTES, ON_HAND, LOW_STOCK_THRESHOLD;

        public String header() {
            return name().toLowerCase();
        }

        static final List<Column> REQUIRED = List.of(PRODUCT_SLUG, NAME, PRICES);
    }

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(Arrays.stream(Column.values()).map(Column::header).toArray(String[]::new))
            .get();

    static final CSVFormat IMPORT_FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private ProductCsv() {
    }

    /** A cell that cannot be read; the message says what was expected. */
    static final class BadCell extends RuntimeException {
        BadCell(String message) {
            super(message, null, false, false);
        }
    }

    static List<Money> prices(String cell) {
        List<Money> prices = new ArrayList<>();
        for (String item : items(cell)) {
            String[] parts = item.split(":", -1);
            if (parts.length != 2) {
                throw new BadCell("expected CUR:amount items such as EUR:12999, found '" + item + "'");
            }
            try {
                prices.add(new Money(Long.parseLong(parts[1].strip()), parts[0].strip()));
            } catch (NumberFormatException e) {
                throw new BadCell("the amount of '" + item + "' is not a whole number of minor units");
            }
        }
        return prices;
    }

    static String prices(List<Money> prices) {
        return prices.stream().map(price -> price.currency() + ":" + price.amountMinor())
                .collect(Collectors.joining("|"));
    }

    static Map<String, String> attributes(String cell) {
        Map<String, String> attributes = new TreeMap<>();
        for (String item : items(cell)) {
            int equals = item.indexOf('=');
            if (equals < 1) {
                throw new BadCell("expected key=value items such as colour=red, found '" + item + "'");
            }
            String key = item.substring(0, equals).strip();
            if (attributes.put(key, item.substring(equals + 1).strip()) != null) {
                throw new BadCell("the attribute '" + key + "' appears twice");
            }
        }
        return attributes;
    }

    static String attributes(Map<String, String> attributes) {
        return attributes.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("|"));
    }

    static List<String> list(String cell) {
        return items(cell);
    }

    static String list(List<String> items) {
        return String.join("|", items);
    }

    static Integer number(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(cell.strip());
        } catch (NumberFormatException e) {
            throw new BadCell("'" + cell + "' is not a whole number");
        }
    }

    private static List<String> items(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split("\\|", -1)).map(String::strip).toList();
    }
}
