package dev.shopstream.catalog.transfer;

import dev.shopstream.catalog.api.ProductInput;
import dev.shopstream.catalog.api.SkuResource;
import dev.shopstream.catalog.category.Category;
import dev.shopstream.catalog.category.CategoryCatalog;
import dev.shopstream.catalog.product.ProductStatus;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        Map<String, UUID> categoryIds = categories.all().stream()
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
                line = parser.getCurrentLineNumber() + 1;
                if (row == null) {
                    continue;
                }
                ProductRows product = products.computeIfAbsent(row.product().slug(), slug -> new ProductRows());
                product.add(row, errors);
                if (row.sku() != null) {
                    Long first = skuLines.putIfAbsent(row.sku().code(), row.line());
                    if (first != null) {
                        errors.add(row.line(), ProductCsv.Column.SKU_CODE, "SKU code '" + row.sku().code()
                                + "' is already on line " + first + ".");
                    }
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The CSV cannot be read: " + e.getMessage());
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
    record Row(long line, ProductInput product, SkuResource.NewSku sku) {
    }

    /** Reads and checks one row; null (with its errors recorded) when it is not usable. */
    private Row read(CSVRecord record, long line, Map<String, UUID> categoryIds, Errors errors) {
        int before = errors.list.size();
        if (!record.isConsistent()) {
            errors.add(line, "The row has " + record.size() + " cells; the header has "
                    + record.getParser().getHeaderNames().size() + ".");
            return null;
        }
        Function<ProductCsv.Column, String> cell = column -> record.isMapped(column.header())
                ? record.get(column.header()) : "";
        UUID categoryId = null;
        String categorySlug = cell.apply(ProductCsv.Column.CATEGORY_SLUG);
        if (!categorySlug.isEmpty()) {
            categoryId = categoryIds.get(categorySlug);
            if (categoryId == null) {
                errors.add(line, ProductCsv.Column.CATEGORY_SLUG, "No category has the slug '" + categorySlug + "'.");
            }
        }
        ProductStatus status = status(cell.apply(ProductCsv.Column.STATUS), line, errors);
        ProductInput product = new ProductInput(cell.apply(ProductCsv.Column.NAME),
                cell.apply(ProductCsv.Column.DESCRIPTION),
                parse(() -> ProductCsv.prices(cell.apply(ProductCsv.Column.PRICES)), line, ProductCsv.Column.PRICES, errors),
                blankToNull(cell.apply(ProductCsv.Column.PRODUCT_SLUG)), status, categoryId,
                parse(() -> ProductCsv.attributes(cell.apply(ProductCsv.Column.ATTRIBUTES)), line,
                        ProductCsv.Column.ATTRIBUTES, errors),
                ProductCsv.list(cell.apply(ProductCsv.Column.IMAGE_URLS)));
        validate(product, line, errors, ProductInput.Replacement.class);
        SkuResource.NewSku sku = null;
        String code = cell.apply(ProductCsv.Column.SKU_CODE);
        if (!code.isEmpty()) {
            Integer threshold = parse(() -> ProductCsv.number(cell.apply(ProductCsv.Column.LOW_STOCK_THRESHOLD)),
                    line, ProductCsv.Column.LOW_STOCK_THRESHOLD, errors);
            sku = new SkuResource.NewSku(UUID.randomUUID(), code,
                    parse(() -> ProductCsv.number(cell.apply(ProductCsv.Column.ON_HAND)), line,
                            ProductCsv.Column.ON_HAND, errors),
                    threshold == null ? 0 : threshold,
                    parse(() -> ProductCsv.attributes(cell.apply(ProductCsv.Column.SKU_ATTRIBUTES)), line,
                            ProductCsv.Column.SKU_ATTRIBUTES, errors));
            validate(sku, line, errors);
        } else if (!cell.apply(ProductCsv.Column.ON_HAND).isEmpty()) {
            errors.add(line, ProductCsv.Column.SKU_CODE, "on_hand is given but sku_code is empty.");
        }
        return errors.list.size() == before ? new Row(line, product, sku) : null;
    }

    private static ProductStatus status(String cell, long line, Errors errors) {
        if (cell.isEmpty()) {
            return ProductStatus.ACTIVE;
        }
        String status = cell.toUpperCase(Locale.ROOT);
        if (status.equals("DRAFT") || status.equals("ACTIVE")) {
            return ProductStatus.valueOf(status);
        }
        errors.add(line, ProductCsv.Column.STATUS, "Status must be DRAFT or ACTIVE (archive products through the API).");
        return ProductStatus.ACTIVE;
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, long line, ProductCsv.Column column,
                               Errors errors) {
        try {
            return parser.get();
        } catch (ProductCsv.BadCell e) {
            errors.add(line, column, e.getMessage() + ".");
            return null;
        }
    }

    private void validate(Object value, long line, Errors errors, Class<?>... groups) {
        for (ConstraintViolation<Object> violation : validator.validate(value, groups)) {
            ProductCsv.Column column = columnOf(value instanceof SkuResource.NewSku, violation.getPropertyPath());
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

        void add(Row row, Errors errors) {
            lines.add(row.line());
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

        List<SkuResource.NewSku> skus() {
            return rows.stream().map(Row::sku).filter(java.util.Objects::nonNull).toList();
        }

        boolean rejected(Errors errors) {
            return rows.size() < lines.size() || lines.stream().anyMatch(errors.lines::contains);
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
            if (cause instanceof ProblemException problem) {
                return problem.getMessage();
            }
        }
        LOG.log(Level.WARNING, "Import of one product failed", e);
        return "The product could not be written (" + e.getClass().getSimpleName() + ").";
    }

    /** Every error so far, and the lines they are on. */
    static final class Errors {
        final List<ImportReport.RowError> list = new ArrayList<>();
        final Set<Long> lines = new java.util.HashSet<>();

        void add(long line, ProductCsv.Column column, String message) {
            list.add(new ImportReport.RowError(line, column == null ? null : column.header(), message));
            lines.add(line);
        }

        void add(long line, String message) {
            add(line, null, message);
        }

        int rejectedRows(java.util.Collection<ProductRows> products) {
            Set<Long> rejected = new java.util.HashSet<>(lines);
            products.stream().filter(product -> product.rejected(this)).forEach(product -> rejected.addAll(product.lines));
            return rejected.size();
        }

        List<ImportReport.RowError> reported() {
            return list.stream().limit(MAX_REPORTED_ERRORS).toList();
        }
    }
}
