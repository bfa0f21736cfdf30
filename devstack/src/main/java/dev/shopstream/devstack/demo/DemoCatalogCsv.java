package dev.shopstream.devstack.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The demo catalog as one CSV for {@code POST /api/imports/products}: RFC 4180 (CRLF, fields quoted only when they
 * hold a comma, a quote or a line break), UTF-8, a header row, then one row per SKU with its product's columns
 * repeated. Products are drawn from {@link DemoAssortment} with a fixed seed, so every start imports the same
 * catalog and the benchmarks always meet the same data.
 */
public final class DemoCatalogCsv {

    static final long SEED = 20_261_125L;
    public static final int PRODUCTS = 10_000;
    static final List<String> HEADER = List.of("product_slug", "name", "description", "category_slug", "status",
            "prices", "attributes", "image_urls", "sku_code", "sku_attributes", "on_hand", "low_stock_threshold");
    static final String IMAGE_BASE_URL = "https://images.shopstream.dev/";

    private static final int DRAFT_PERCENT = 5;
    private static final int USD_PERCENT = 85;
    private static final int GBP_PERCENT = 85;
    private static final int MATERIAL_IN_NAME_PERCENT = 45;
    private static final int FEATURE_PERCENT = 75;
    private static final int SECOND_LINE_PERCENT = 3;
    private static final String RECORD_END = "\r\n";
    private static final Pattern CAPITALISED_WORD = Pattern.compile("\\b\\p{Lu}\\p{Ll}+\\b");

    private final List<List<String>> rows;
    private final int products;

    private DemoCatalogCsv(List<List<String>> rows, int products) {
        this.rows = rows;
        this.products = products;
    }

    /** The same seed and count give the same CSV, byte for byte. */
    static DemoCatalogCsv generate(long seed, int products) {
        Random random = new Random(seed);
        List<DemoAssortment.Placement> shelves = DemoAssortment.placements();
        List<List<String>> rows = new ArrayList<>();
        for (int number = 1; number <= products; number++) {
            rows.addAll(product(random, number, shelves.get(random.nextInt(shelves.size()))));
        }
        return new DemoCatalogCsv(List.copyOf(rows), products);
    }

    /** The data rows, in {@link #HEADER}'s column order; each is one SKU. */
    List<List<String>> rows() {
        return rows;
    }

    int products() {
        return products;
    }

    int skus() {
        return rows.size();
    }

    String text() {
        StringBuilder csv = new StringBuilder(rows.size() * 512);
        appendRecord(csv, HEADER);
        rows.forEach(row -> appendRecord(csv, row));
        return csv.toString();
    }

    /** A field as RFC 4180 writes it: in quotes, with quotes doubled, when it holds a comma, quote or line break. */
    static String field(String value) {
        if (value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static void appendRecord(StringBuilder csv, List<String> fields) {
        csv.append(fields.stream().map(DemoCatalogCsv::field).collect(Collectors.joining(","))).append(RECORD_END);
    }

    /** One product's rows; every draw from {@code random} happens in a fixed order, which keeps the output stable. */
    private static List<List<String>> product(Random random, int number, DemoAssortment.Placement placement) {
        DemoAssortment.Department department = placement.department();
        DemoAssortment.Shelf shelf = placement.shelf();
        String brand = pick(random, department.brands());
        String adjective = pick(random, department.adjectives());
        String material = pick(random, department.material().values());
        String noun = pick(random, shelf.nouns());
        String name = random.nextInt(100) < MATERIAL_IN_NAME_PERCENT
                ? String.join(" ", brand, adjective, material, noun)
                : String.join(" ", brand, adjective, noun);
        String slug = DemoAssortment.slug(name) + "-" + "%05d".formatted(number);
        String description = description(random, department, brand, adjective, material, noun);
        String status = random.nextInt(100) < DRAFT_PERCENT ? "DRAFT" : "ACTIVE";
        String prices = prices(random, shelf);

        DemoAssortment.Variants variants = shelf.variants();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("brand", brand);
        if (department.coloured() && !variants.key().equals("colour")) {
            attributes.put("colour", pick(random, DemoAssortment.COLOURS));
        }
        attributes.put(department.material().key(), inSentence(material));
        attributes.put(department.extra().key(), pick(random, department.extra().values()));

        List<String> imageUrls = new ArrayList<>();
        int images = 1 + random.nextInt(3);
        for (int image = 1; image <= images; image++) {
            imageUrls.add("%s%s/%05d-%d.jpg".formatted(IMAGE_BASE_URL, DemoAssortment.slug(department.name()),
                    number, image));
        }

        List<String> productColumns = List.of(slug, name, description, placement.categorySlug(), status, prices,
                pairs(attributes), String.join("|", imageUrls));
        List<List<String>> rows = new ArrayList<>();
        for (String variant : variantsOf(random, variants)) {
            List<String> row = new ArrayList<>(productColumns);
            row.add("%s-%05d-%s".formatted(department.skuPrefix(), number, codeOf(variant)));
            row.add(variants.key() + "=" + variant);
            row.add(Integer.toString(onHand(random)));
            row.add(lowStockThreshold(random));
            rows.add(List.copyOf(row));
        }
        return rows;
    }

    /** One or two sentences, now and then with a second feature on its own line. */
    private static String description(Random random, DemoAssortment.Department department, String brand,
                                      String adjective, String material, String noun) {
        String joiner = department.material().key().equals("ingredient") ? "with" : "in";
        StringBuilder description = new StringBuilder("%s %s %s %s by %s, made for %s.".formatted(adjective,
                inSentence(noun), joiner, inSentence(material), brand, pick(random, department.uses())));
        if (random.nextInt(100) < FEATURE_PERCENT) {
            description.append(' ').append(pick(random, department.features()));
        }
        if (random.nextInt(100) < SECOND_LINE_PERCENT) {
            description.append('\n').append(pick(random, department.features()));
        }
        return description.toString();
    }

    /** EUR always, in the shelf's range and ending in .99 or .95; USD and GBP for most products, ending in .99. */
    private static String prices(Random random, DemoAssortment.Shelf shelf) {
        int euros = shelf.minEuros() + random.nextInt(shelf.maxEuros() - shelf.minEuros() + 1);
        if (euros >= 100) {
            euros -= euros % 5;
        }
        int eur = euros * 100 - (random.nextInt(4) == 0 ? 5 : 1);
        List<String> prices = new ArrayList<>(List.of("EUR:" + eur));
        if (random.nextInt(100) < USD_PERCENT) {
            prices.add("USD:" + endingIn99(eur * 108 / 100));
        }
        if (random.nextInt(100) < GBP_PERCENT) {
            prices.add("GBP:" + endingIn99(eur * 86 / 100));
        }
        return String.join("|", prices);
    }

    private static int endingIn99(int minor) {
        return (minor + 99) / 100 * 100 - 1;
    }

    /** One to four values of the shelf's variant: neighbouring sizes, or colours in no particular order. */
    private static List<String> variantsOf(Random random, DemoAssortment.Variants variants) {
        int draw = random.nextInt(100);
        int wanted = draw < 30 ? 1 : draw < 60 ? 2 : draw < 85 ? 3 : 4;
        int count = Math.min(wanted, variants.values().size());
        if (variants.key().equals("colour")) {
            List<String> colours = new ArrayList<>(variants.values());
            Collections.shuffle(colours, random);
            return colours.subList(0, count);
        }
        int first = random.nextInt(variants.values().size() - count + 1);
        return variants.values().subList(first, first + count);
    }

    /** Some sold out, some low, most comfortably stocked. */
    private static int onHand(Random random) {
        int draw = random.nextInt(100);
        if (draw < 8) {
            return 0;
        }
        return draw < 20 ? 1 + random.nextInt(4) : 5 + random.nextInt(196);
    }

    /** Mostly 5, sometimes 10, sometimes left to the catalog's default. */
    private static String lowStockThreshold(Random random) {
        int draw = random.nextInt(10);
        return draw == 0 ? "" : draw < 3 ? "10" : "5";
    }

    /** A variant value as part of a SKU code: {@code 4.0 Ah} → {@code 4.0-AH}. */
    private static String codeOf(String variant) {
        return variant.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9.]+", "-").replaceAll("^-+|-+$", "");
    }

    private static String pairs(Map<String, String> attributes) {
        return attributes.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("|"));
    }

    /** Words as they read mid-sentence: {@code Long-Sleeve T-Shirt} → {@code long-sleeve T-shirt}; USB-C stays. */
    private static String inSentence(String words) {
        return CAPITALISED_WORD.matcher(words).replaceAll(word -> word.group().toLowerCase(Locale.ROOT));
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
