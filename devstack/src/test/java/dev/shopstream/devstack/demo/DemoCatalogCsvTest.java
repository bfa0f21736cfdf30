package dev.shopstream.devstack.demo;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCatalogCsvTest {

    private static final DemoCatalogCsv CATALOG = DemoCatalogCsv.generate(DemoCatalogCsv.SEED, DemoCatalogCsv.PRODUCTS);

    /** How the catalog's import reads a file (ProductCsv.IMPORT_FORMAT): RFC 4180, columns by name, cells trimmed. */
    private static final CSVFormat IMPORT_FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private static final int MAX_IMPORT_BYTES = 16 * 1024 * 1024;
    private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    private static final String ATTRIBUTE_KEY = "[a-z][a-z0-9_-]{0,39}";
    private static final String SKU_CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private static final int SLUG_COLUMN = 0;
    private static final int NAME = 1;
    private static final int DESCRIPTION = 2;
    private static final int CATEGORY = 3;
    private static final int STATUS = 4;
    private static final int PRICES = 5;
    private static final int ATTRIBUTES = 6;
    private static final int IMAGE_URLS = 7;
    private static final int SKU_CODE_COLUMN = 8;
    private static final int SKU_ATTRIBUTES = 9;
    private static final int ON_HAND = 10;
    private static final int LOW_STOCK_THRESHOLD = 11;
    private static final int PRODUCT_COLUMNS = 8;

    @Test
    void sameSeedGivesTheSameCsvByteForByte() {
        assertThat(DemoCatalogCsv.generate(DemoCatalogCsv.SEED, DemoCatalogCsv.PRODUCTS).text())
                .isEqualTo(CATALOG.text());
        assertThat(DemoCatalogCsv.generate(DemoCatalogCsv.SEED + 1, 100).text())
                .isNotEqualTo(DemoCatalogCsv.generate(DemoCatalogCsv.SEED, 100).text());
    }

    @Test
    void tenThousandProductsEachOnOneToFourConsecutiveRowsWithTheSameProductColumns() {
        Map<String, List<List<String>>> rowsBySlug = new LinkedHashMap<>();
        String previous = null;
        for (List<String> row : CATALOG.rows()) {
            String slug = row.get(SLUG_COLUMN);
            assertThat(slug.equals(previous) || !rowsBySlug.containsKey(slug))
                    .as("rows of %s are consecutive", slug).isTrue();
            rowsBySlug.computeIfAbsent(slug, key -> new ArrayList<>()).add(row);
            previous = slug;
        }

        assertThat(rowsBySlug).hasSize(DemoCatalogCsv.PRODUCTS);
        assertThat(CATALOG.products()).isEqualTo(DemoCatalogCsv.PRODUCTS);
        assertThat(CATALOG.skus()).isEqualTo(CATALOG.rows().size());
        assertThat(rowsBySlug.values()).allSatisfy(rows -> {
            assertThat(rows).hasSizeBetween(1, 4);
            assertThat(rows).extracting(row -> row.subList(0, PRODUCT_COLUMNS))
                    .containsOnly(rows.get(0).subList(0, PRODUCT_COLUMNS));
            assertThat(rows).extracting(row -> row.get(SKU_ATTRIBUTES)).doesNotHaveDuplicates();
        });
        assertThat(rowsBySlug.values().stream().filter(rows -> rows.size() == 1)).isNotEmpty();
        assertThat(rowsBySlug.values().stream().filter(rows -> rows.size() == 4)).isNotEmpty();
    }

    @Test
    void importReadsBackExactlyTheGeneratedCellsIncludingQuotedCommasQuotesAndLineBreaks() throws IOException {
        List<List<String>> parsed = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(CATALOG.text(), IMPORT_FORMAT)) {
            assertThat(parser.getHeaderNames()).isEqualTo(DemoCatalogCsv.HEADER);
            for (CSVRecord record : parser) {
                assertThat(record.isConsistent()).as("record %d has every column", record.getRecordNumber()).isTrue();
                parsed.add(record.toList());
            }
        }

        assertThat(parsed).hasSize(CATALOG.skus()).isEqualTo(CATALOG.rows());
        assertThat(descriptions(description -> description.contains(","))).isNotEmpty();
        assertThat(descriptions(description -> description.contains("\""))).isNotEmpty();
        assertThat(descriptions(description -> description.contains("\n"))).isNotEmpty();
        assertThat(CATALOG.text()).startsWith(String.join(",", DemoCatalogCsv.HEADER) + "\r\n").endsWith("\r\n");
    }

    @Test
    void fieldIsQuotedOnlyWhenItHoldsACommaAQuoteOrALineBreak() {
        assertThat(DemoCatalogCsv.field("Nordvik Compact Dome Tent")).isEqualTo("Nordvik Compact Dome Tent");
        assertThat(DemoCatalogCsv.field("EUR:12999|USD:13999")).isEqualTo("EUR:12999|USD:13999");
        assertThat(DemoCatalogCsv.field("light, warm")).isEqualTo("\"light, warm\"");
        assertThat(DemoCatalogCsv.field("rated \"best\"")).isEqualTo("\"rated \"\"best\"\"\"");
        assertThat(DemoCatalogCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(DemoCatalogCsv.field("")).isEmpty();
    }

    @Test
    void everyCellFollowsTheImportRules() {
        Set<String> leafCategories = DemoAssortment.placements().stream()
                .map(DemoAssortment.Placement::categorySlug).collect(Collectors.toSet());
        Set<String> skuCodes = new HashSet<>();
        for (List<String> row : CATALOG.rows()) {
            assertThat(row).hasSize(DemoCatalogCsv.HEADER.size());
            assertThat(row).allSatisfy(cell -> assertThat(cell).isEqualTo(cell.strip()));
            assertThat(row.get(SLUG_COLUMN)).matches(SLUG).hasSizeLessThanOrEqualTo(160);
            assertThat(row.get(NAME)).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(row.get(DESCRIPTION)).isNotBlank().hasSizeLessThanOrEqualTo(4000);
            assertThat(row.get(CATEGORY)).isIn(leafCategories);
            assertThat(row.get(STATUS)).isIn("ACTIVE", "DRAFT");

            List<String> prices = items(row.get(PRICES));
            assertThat(prices).allSatisfy(price -> assertThat(price).matches("(EUR|USD|GBP):[1-9][0-9]*"));
            assertThat(prices.get(0)).startsWith("EUR:");
            assertThat(prices).extracting(price -> price.substring(0, 3)).doesNotHaveDuplicates();

            Map<String, String> attributes = pairs(row.get(ATTRIBUTES));
            assertThat(attributes).containsKey("brand").hasSizeBetween(3, 4);
            assertThat(attributes.keySet()).allSatisfy(key -> assertThat(key).matches(ATTRIBUTE_KEY));
            assertThat(attributes.values()).allSatisfy(value -> assertThat(value).isNotBlank().hasSizeLessThanOrEqualTo(200));

            assertThat(items(row.get(IMAGE_URLS))).hasSizeBetween(1, 3).allSatisfy(url -> assertThat(url)
                    .startsWith(DemoCatalogCsv.IMAGE_BASE_URL).matches("https://\\S+\\.jpg"));

            assertThat(row.get(SKU_CODE_COLUMN)).matches(SKU_CODE);
            assertThat(skuCodes.add(row.get(SKU_CODE_COLUMN))).as("SKU code %s is unique", row.get(SKU_CODE_COLUMN))
                    .isTrue();
            Map<String, String> skuAttributes = pairs(row.get(SKU_ATTRIBUTES));
            assertThat(skuAttributes).hasSize(1);
            assertThat(skuAttributes.keySet()).allSatisfy(key -> assertThat(key).matches(ATTRIBUTE_KEY)
                    .isNotIn(attributes.keySet()));
            assertThat(row.get(ON_HAND)).matches("0|[1-9][0-9]*");
            assertThat(row.get(LOW_STOCK_THRESHOLD)).matches("|[0-9]+");
        }
    }

    @Test
    void assortmentLooksLikeAShop() {
        Map<String, DemoAssortment.Shelf> shelves = DemoAssortment.placements().stream().collect(
                Collectors.toMap(DemoAssortment.Placement::categorySlug, DemoAssortment.Placement::shelf));
        List<List<String>> products = CATALOG.rows().stream()
                .collect(Collectors.toMap(row -> row.get(SLUG_COLUMN), row -> row, (first, next) -> first,
                        LinkedHashMap::new))
                .values().stream().toList();

        assertThat(share(products, row -> row.get(STATUS).equals("DRAFT"))).isBetween(0.03, 0.07);
        assertThat(share(products, row -> row.get(PRICES).contains("USD:"))).isBetween(0.80, 0.90);
        assertThat(share(products, row -> row.get(PRICES).contains("GBP:"))).isBetween(0.80, 0.90);
        assertThat(share(CATALOG.rows(), row -> row.get(ON_HAND).equals("0"))).isBetween(0.05, 0.12);
        assertThat(share(CATALOG.rows(), row -> row.get(ON_HAND).matches("[1-4]"))).isBetween(0.08, 0.16);
        assertThat(products).allSatisfy(row -> {
            DemoAssortment.Shelf shelf = shelves.get(row.get(CATEGORY));
            long euroCents = Long.parseLong(items(row.get(PRICES)).get(0).substring("EUR:".length()));
            assertThat(euroCents).isBetween(shelf.minEuros() * 100L - 5, shelf.maxEuros() * 100L - 1);
        });
        Map<String, Long> productsPerCategory = products.stream()
                .collect(Collectors.groupingBy(row -> row.get(CATEGORY), Collectors.counting()));
        assertThat(productsPerCategory).containsOnlyKeys(shelves.keySet());
        assertThat(productsPerCategory.values()).allSatisfy(count -> assertThat(count).isGreaterThan(100));
    }

    @Test
    void categoryTreeHasEightDepartmentsOfThreeToSixSubCategoriesSomeWithAThirdLevel() {
        List<DemoAssortment.Category> categories = DemoAssortment.categories();
        Map<String, DemoAssortment.Category> bySlug = new HashMap<>();
        Map<String, Integer> children = new HashMap<>();
        for (DemoAssortment.Category category : categories) {
            assertThat(category.slug()).matches(SLUG).hasSizeLessThanOrEqualTo(120);
            assertThat(category.name()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            if (category.parentSlug() != null) {
                assertThat(bySlug).as("parent of %s comes first", category.slug()).containsKey(category.parentSlug());
                children.merge(category.parentSlug(), 1, Integer::sum);
            }
            assertThat(bySlug.put(category.slug(), category)).as("slug %s is unique", category.slug()).isNull();
        }

        List<DemoAssortment.Category> departments = categories.stream()
                .filter(category -> category.parentSlug() == null).toList();
        assertThat(departments).hasSize(8);
        assertThat(departments).allSatisfy(department ->
                assertThat(children.get(department.slug())).isBetween(3, 6));
        assertThat(categories).anySatisfy(category -> assertThat(category.parentSlug()).isNotNull()
                .satisfies(parent -> assertThat(bySlug.get(parent).parentSlug()).isNotNull()));
        assertThat(DemoAssortment.placements()).allSatisfy(placement ->
                assertThat(children).doesNotContainKey(placement.categorySlug()));
        assertThat(bySlug).containsKeys("outdoor", "camping", "tents", "women-knitwear", "men-knitwear");
    }

    @Test
    void fitsInOneImportRequest() {
        assertThat(CATALOG.text().getBytes(StandardCharsets.UTF_8).length).isLessThan(MAX_IMPORT_BYTES);
    }

    private static List<String> descriptions(Predicate<String> condition) {
        return CATALOG.rows().stream().map(row -> row.get(DESCRIPTION)).filter(condition).toList();
    }

    private static List<String> items(String cell) {
        return cell.isEmpty() ? List.of() : Arrays.asList(cell.split("\\|", -1));
    }

    private static Map<String, String> pairs(String cell) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String item : items(cell)) {
            int equals = item.indexOf('=');
            assertThat(equals).as("'%s' is key=value", item).isPositive();
            assertThat(pairs.put(item.substring(0, equals), item.substring(equals + 1))).as("key of %s once", item)
                    .isNull();
        }
        return pairs;
    }

    private static double share(List<List<String>> rows, Predicate<List<String>> condition) {
        return (double) rows.stream().filter(condition).count() / rows.size();
    }
}
