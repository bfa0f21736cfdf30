package dev.shopstream.catalog.transfer;

import dev.shopstream.catalog.category.Category;
import dev.shopstream.catalog.category.CategoryCatalog;
import dev.shopstream.catalog.inventory.NewSku;
import dev.shopstream.catalog.product.ProductInput;
import dev.shopstream.catalog.product.ProductStatus;
import dev.shopstream.commons.domain.DomainException;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Imports products, SKUs, prices and stock from CSV ({@link ProductCsv}). It reads and checks every row first —
 * cell syntax, the same Bean Validation rules as the JSON API, known categories, the same product columns on every
 * row of a product, SKU codes used once — and then writes the good products in chunks, each chunk one transaction
 * through the catalog and inventory services (so events and audit records are written as for single changes). A
 * chunk that fails in the database is retried product by product, so one conflict rejects only its own product.
 */
@ApplicationScoped
public class ProductImport {

    static final int CHUNK = 100;
    static final int MAX_REPORTED_ERRORS = 1000;

    private static final Logger LOG = Logger.getLogger(ProductImport.class.getName());

    @Inject
    Validator validator;

    @Inject
    CategoryCatalog categories;

    @Inject
    ImportWriter writer;

    public ImportReport importCsv(Reader csv) {
        Map<String, UUID> categoryIds = categories.all().stream().filter(category -> !category.archived())
                .collect(Collectors.toMap(Category::slug, Category::id));
        Errors errors = new Errors();
        Map<String, ProductRows> products = new LinkedHashMap<>();
        Map<String, Long> skuLines = new HashMap<>();
        int rows = 0;
        try (CSVParser parser = CSVParser.parse(csv, ProductCsv.IMPORT_FORMAT)) {
            requireColumns(parser.getHeaderNames());
            long line = parser.getCurrentLineNumber() + 1;
            for (CSVRecord record : parser) {
                rows++;
                Row row = read(record, line, categoryIds, errors);
                // Every row of a product counts, the unusable ones too: one bad row rejects its whole product.
                String slug = record.isConsistent() ? record.get(ProductCsv.Column.PRODUCT_SLUG.header()) : "";
                if (!slug.isEmpty()) {
                    products.computeIfAbsent(slug, key -> new ProductRows()).add(line, row, errors);
                }
                line = parser.getCurrentLineNumber() + 1;
                if (row != null && row.sku() != null) {
                    Long first = skuLines.putIfAbsent(row.sku().code(), row.line());
                    if (first != null) {
                        errors.add(row.line(), ProductCsv.Column.SKU_CODE, "SKU code '" + row.sku().code()
                                + "' is already on line " + first + ".");
                    }
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The CSV cannot be read: " + cause.getMessage());
        }
        Counts counts = write(products.values().stream().filter(product -> !product.rejected(errors)).toList(),
                errors);
        return new ImportReport(rows, counts.productsCreated, counts.productsUpdated, counts.skusCreated,
                counts.skusUpdated, errors.rejectedRows(products.values()), errors.reported(),
                errors.list.size() > MAX_REPORTED_ERRORS);
    }

    private static void requireColumns(List<String> header) {
        Set<String> known = Arrays.stream(ProductCsv.Column.values()).map(ProductCsv.Column::header)
                .collect(Collectors.toSet());
        List<String> unknown = header.stream().filter(name -> !known.contains(name)).toList();
        List<String> missing = ProductCsv.Column.REQUIRED.stream().map(ProductCsv.Column::header)
                .filter(name -> !header.contains(name)).toList();
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The CSV header must name the columns "
                    + known.stream().sorted().collect(Collectors.joining(", ")) + (missing.isEmpty() ? ""
                    : "; missing: " + String.join(", ", missing)) + (unknown.isEmpty() ? ""
                    : "; unknown: " + String.join(", ", unknown)) + ".");
        }
    }

    /** One well-formed row: the product it describes and, optionally, one of its SKUs. */
    record Row(long line, ProductInput product, NewSku sku) {
    }

    /** Reads and checks one row; null (with its errors recorded) when it is not usable. */
    private Row read(CSVRecord record, long line, Map<String, UUID> categoryIds, Errors errors) {
        int before = errors.list.size();
        if (!record.isConsistent()) {
            errors.add(line, "The row has " + record.size() + " cells; the header has "
                    + record.getParser().getHeaderNames().size() + ".");
            return null;
        }
        Cells cells = new Cells(record, line, errors);
        UUID categoryId = null;
        String categorySlug = cells.text(ProductCsv.Column.CATEGORY_SLUG);
        if (!categorySlug.isEmpty()) {
            categoryId = categoryIds.get(categorySlug);
            if (categoryId == null) {
                errors.add(line, ProductCsv.Column.CATEGORY_SLUG, "No category has the slug '" + categorySlug + "'.");
            }
        }
        ProductInput product = new ProductInput(cells.text(ProductCsv.Column.NAME),
                cells.text(ProductCsv.Column.DESCRIPTION), cells.parsed(ProductCsv.Column.PRICES, ProductCsv::prices),
                blankToNull(cells.text(ProductCsv.Column.PRODUCT_SLUG)),
                cells.parsed(ProductCsv.Column.STATUS, ProductImport::status), categoryId,
                cells.parsed(ProductCsv.Column.ATTRIBUTES, ProductCsv::attributes),
                ProductCsv.list(cells.text(ProductCsv.Column.IMAGE_URLS)));
        validate(product, line, errors, ProductInput.Replacement.class);
        NewSku sku = null;
        String code = cells.text(ProductCsv.Column.SKU_CODE);
        if (!code.isEmpty()) {
            Integer threshold = cells.parsed(ProductCsv.Column.LOW_STOCK_THRESHOLD, ProductCsv::number);
            sku = new NewSku(UUID.randomUUID(), code,
                    cells.parsed(ProductCsv.Column.ON_HAND, ProductCsv::number), threshold == null ? 0 : threshold,
                    cells.parsed(ProductCsv.Column.SKU_ATTRIBUTES, ProductCsv::attributes));
            validate(sku, line, errors);
        } else if (!cells.text(ProductCsv.Column.ON_HAND).isEmpty()) {
            errors.add(line, ProductCsv.Column.SKU_CODE, "on_hand is given but sku_code is empty.");
        }
        return errors.list.size() == before ? new Row(line, product, sku) : null;
    }

    /** The cells of one row by column; a column the file leaves out reads as empty. */
    private record Cells(CSVRecord record, long line, Errors errors) {

        String text(ProductCsv.Column column) {
            return record.isMapped(column.header()) ? record.get(column.header()) : "";
        }

        /** The cell read by {@code parser}; null, with the error recorded, when it cannot be read. */
        <T> T parsed(ProductCsv.Column column, Function<String, T> parser) {
            try {
                return parser.apply(text(column));
            } catch (ProductCsv.BadCell e) {
                errors.add(line, column, e.getMessage() + ".");
                return null;
            }
        }
    }

    private static ProductStatus status(String cell) {
        String status = cell.toUpperCase(Locale.ROOT);
        if (status.isEmpty() || status.equals("ACTIVE")) {
            return ProductStatus.ACTIVE;
        }
        if (status.equals("DRAFT")) {
            return ProductStatus.DRAFT;
        }
        throw new ProductCsv.BadCell("status must be DRAFT or ACTIVE (archive products through the API)");
    }

    private void validate(Object value, long line, Errors errors, Class<?>... groups) {
        for (ConstraintViolation<Object> violation : validator.validate(value, groups)) {
            ProductCsv.Column column = columnOf(value instanceof NewSku, violation.getPropertyPath());
            errors.add(line, column, column.header() + " " + violation.getMessage() + ".");
        }
    }

    private static ProductCsv.Column columnOf(boolean sku, Path path) {
        return switch (path.iterator().next().getName()) {
            case "name" -> ProductCsv.Column.NAME;
            case "description" -> ProductCsv.Column.DESCRIPTION;
            case "prices" -> ProductCsv.Column.PRICES;
            case "status" -> ProductCsv.Column.STATUS;
            case "imageUrls" -> ProductCsv.Column.IMAGE_URLS;
            case "code" -> ProductCsv.Column.SKU_CODE;
            case "onHand" -> ProductCsv.Column.ON_HAND;
            case "lowStockThreshold" -> ProductCsv.Column.LOW_STOCK_THRESHOLD;
            case "attributes" -> sku ? ProductCsv.Column.SKU_ATTRIBUTES : ProductCsv.Column.ATTRIBUTES;
            default -> ProductCsv.Column.PRODUCT_SLUG;
        };
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** The rows of one product, which are written or rejected together. */
    static final class ProductRows {
        final List<Row> rows = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();

        /** Adds a row of this product; {@code row} is null when the line is unusable (its errors are recorded). */
        void add(long line, Row row, Errors errors) {
            lines.add(line);
            if (row == null) {
                return;
            }
            if (!rows.isEmpty() && !rows.get(0).product().equals(row.product())) {
                errors.add(row.line(), "The product columns differ from line " + rows.get(0).line()
                        + ", the first row of product '" + row.product().slug() + "'.");
                return;
            }
            rows.add(row);
        }

        ProductInput product() {
            return rows.get(0).product();
        }

        List<NewSku> skus() {
            return rows.stream().map(Row::sku).filter(Objects::nonNull).toList();
        }

        boolean rejected(Errors errors) {
            return lines.stream().anyMatch(errors.lines::contains);
        }
    }

    /** What writing did. */
    static final class Counts {
        int productsCreated;
        int productsUpdated;
        int skusCreated;
        int skusUpdated;

        void add(Counts other) {
            productsCreated += other.productsCreated;
            productsUpdated += other.productsUpdated;
            skusCreated += other.skusCreated;
            skusUpdated += other.skusUpdated;
        }
    }

    private Counts write(List<ProductRows> products, Errors errors) {
        Counts total = new Counts();
        for (int start = 0; start < products.size(); start += CHUNK) {
            List<ProductRows> chunk = products.subList(start, Math.min(products.size(), start + CHUNK));
            try {
                total.add(writer.write(chunk));
            } catch (RuntimeException chunkFailed) {
                for (ProductRows product : chunk) {
                    try {
                        total.add(writer.write(List.of(product)));
                    } catch (RuntimeException e) {
                        String message = messageOf(e);
                        product.lines.forEach(line -> errors.add(line, message));
                    }
                }
            }
        }
        return total;
    }

    private static String messageOf(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException || cause instanceof DomainException) {
                return cause.getMessage();
            }
        }
        LOG.log(Level.WARNING, "Import of one product failed", e);
        return "The product could not be written (" + e.getClass().getSimpleName() + ").";
    }

    /** Every error so far, and the lines they are on. */
    static final class Errors {
        final List<ImportReport.RowError> list = new ArrayList<>();
        final Set<Long> lines = new HashSet<>();

        void add(long line, ProductCsv.Column column, String message) {
            list.add(ImportReport.RowError.of(line, column == null ? null : column.header(), message));
            lines.add(line);
        }

        void add(long line, String message) {
            add(line, null, message);
        }

        int rejectedRows(Collection<ProductRows> products) {
            Set<Long> rejected = new HashSet<>(lines);
            products.stream().filter(product -> product.rejected(this))
                    .forEach(product -> rejected.addAll(product.lines));
            return rejected.size();
        }

        List<ImportReport.RowError> reported() {
            return list.stream().limit(MAX_REPORTED_ERRORS).toList();
        }
    }
}
