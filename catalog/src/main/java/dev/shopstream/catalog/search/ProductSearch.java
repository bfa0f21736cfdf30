package dev.shopstream.catalog.search;

import dev.shopstream.catalog.category.CategoryCatalog;
import dev.shopstream.commons.db.JsonColumns;
import dev.shopstream.commons.money.Money;
import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Browsing and full-text search over active products with PostgreSQL. Only products priced in the shopper's
 * currency are shown, with that price; whether a product is in stock is its {@code in_stock} flag
 * ({@link dev.shopstream.catalog.inventory.ProductAvailability}). Search uses the weighted {@code product.search}
 * tsvector (name, then description, then attribute values) behind a GIN index with prefix matching and ts_rank
 * ordering, and counts facets per category and price band over every match (on the first page). Every order is
 * keyset-paged with the id as tie-breaker.
 */
@ApplicationScoped
public class ProductSearch {

    /** The largest page a list or search returns. */
    public static final int MAX_PAGE_SIZE = 100;

    /** Upper bounds (exclusive, minor units) of the price bands; the last band is open-ended. */
    static final long[] PRICE_BANDS = {1_000, 2_500, 5_000, 10_000, 25_000};

    /** How many price bands the facets count: {@code PRICE_BANDS.length + 1}, as a constant for the schema. */
    static final int PRICE_BAND_COUNT = 6;

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    @Inject
    CategoryCatalog categories;

    /** One page of the products the query's filters select, in its order; the text, if any, must match too. */
    public Page<SearchResult.ProductSummary> browse(SearchQuery query, String cursor, int limit) {
        return run(query, cursor, limit, false).page();
    }

    /** Like {@link #browse}, with facet counts over all matches; a query without usable words matches nothing. */
    public SearchResult search(SearchQuery query, String cursor, int limit) {
        Results results = run(query, cursor, limit, true);
        return new SearchResult(results.page().items(), results.page().nextCursor(), results.facets());
    }

    private record Results(Page<SearchResult.ProductSummary> page, SearchResult.Facets facets) {
        static final Results NONE = new Results(new Page<>(List.of(), null), SearchResult.Facets.NONE);
    }

    private Results run(SearchQuery query, String cursor, int limit, boolean withFacets) {
        Optional<Position> after = Optional.ofNullable(cursor).map(encoded -> Position.decode(encoded, query.sort()));
        Optional<List<String>> words = query.text().map(text -> query.words());
        if (words.isPresent() && words.get().isEmpty()) {
            return Results.NONE;
        }
        Optional<Set<UUID>> subtree = query.categoryId().map(categories::subtreeOf);
        if (subtree.isPresent() && subtree.get().isEmpty()) {
            return Results.NONE;
        }
        try (Connection connection = dataSource.getConnection()) {
            Matches matches = new Matches(connection, query, words, subtree);
            Page<SearchResult.ProductSummary> page = Page.of(summaries(matches, query.sort(), after, limit + 1), limit,
                    summary -> Cursor.of(query.sort().parameter(), summary.sortKey(), summary.id().toString()))
                    .map(Summary::view);
            // Facets describe all matches, not a page: the first page carries them, later pages need not repeat them.
            SearchResult.Facets facets = withFacets && after.isEmpty()
                    ? facets(matches, query.currency())
                    : SearchResult.Facets.NONE;
            return new Results(page, facets);
        } catch (SQLException e) {
            throw new IllegalStateException("Product search failed", e);
        }
    }

    /** Where a page ends in one sort order: the sort key as PostgreSQL prints it, and the product id. */
    private record Position(String sortKey, UUID id) {

        static Position decode(String encoded, SortOrder sort) {
            Cursor cursor = Cursor.decode(encoded, 3);
            if (!cursor.keys().get(0).equals(sort.parameter())) {
                throw Cursor.invalid();
            }
            try {
                return new Position(cursor.keys().get(1), UUID.fromString(cursor.keys().get(2)));
            } catch (IllegalArgumentException e) {
                throw Cursor.invalid();
            }
        }
    }

    /** The FROM and WHERE clauses shared by the hits and the facets, with their parameters. */
    private static final class Matches {
        final Connection connection;
        final StringBuilder where = new StringBuilder(
                " FROM product p JOIN product_price pp ON pp.product_id = p.id AND pp.currency = ?");
        final List<Object> parameters = new ArrayList<>();

        Matches(Connection connection, SearchQuery query, Optional<List<String>> words, Optional<Set<UUID>> subtree)
                throws SQLException {
            this.connection = connection;
            parameters.add(query.currency());
            if (words.isPresent()) {
                // Every word must match as a prefix, stemmed (a whole word finds its stored stem: "kettles" → "kettl")
                // or as typed, since the stemmer also rewrites prefixes ("trolly" → "trolli" would miss "trollybus").
                where.append(", (SELECT ").append(String.join(" && ", Collections.nCopies(words.get().size(),
                                "(to_tsquery('english', ?) || to_tsquery('simple', ?))")))
                        .append(" AS q) terms WHERE p.status = 'ACTIVE' AND p.search @@ q");
                words.get().forEach(word -> {
                    parameters.add(word + ":*");
                    parameters.add(word + ":*");
                });
            } else {
                where.append(" WHERE p.status = 'ACTIVE'");
            }
            if (subtree.isPresent()) {
                where.append(" AND p.category_id = ANY (?)");
                parameters.add(connection.createArrayOf("uuid", subtree.get().toArray()));
            }
            query.minPriceMinor().ifPresent(min -> {
                where.append(" AND pp.amount_minor >= ?");
                parameters.add(min);
            });
            query.maxPriceMinor().ifPresent(max -> {
                where.append(" AND pp.amount_minor <= ?");
                parameters.add(max);
            });
            if (!query.attributes().isEmpty()) {
                where.append(" AND p.attributes @> CAST(? AS jsonb)");
                parameters.add(JsonColumns.toJson(query.attributes()));
            }
            if (query.inStockOnly()) {
                where.append(" AND p.in_stock");
            }
        }

        /** {@code select} + the shared clauses + {@code suffix}, each with its own parameters in that order. */
        PreparedStatement prepare(String select, List<Object> selectParameters, String suffix,
                                  Object... suffixParameters) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(select + where + suffix);
            List<Object> all = new ArrayList<>(selectParameters);
            all.addAll(parameters);
            all.addAll(List.of(suffixParameters));
            for (int i = 0; i < all.size(); i++) {
                statement.setObject(i + 1, all.get(i));
            }
            return statement;
        }
    }

    /** A hit and its sort key, which the next page's cursor carries. */
    private record Summary(SearchResult.ProductSummary view, String sortKey) {
        UUID id() {
            return view.id();
        }
    }

    private static List<Summary> summaries(Matches matches, SortOrder sort, Optional<Position> after, int fetch)
            throws SQLException {
        String select = "SELECT p.id, p.slug, p.name, p.description, pp.amount_minor, pp.currency, p.category_id,"
                + " p.attributes, p.image_urls ->> 0, p.in_stock, CAST(" + sort.key + " AS text)";
        PreparedStatement statement = after.isPresent()
                ? matches.prepare(select, List.of(), sort.after() + sort.orderBy() + " LIMIT ?",
                        after.get().sortKey(), after.get().id(), fetch)
                : matches.prepare(select, List.of(), sort.orderBy() + " LIMIT ?", fetch);
        try (statement; ResultSet rows = statement.executeQuery()) {
            List<Summary> summaries = new ArrayList<>();
            while (rows.next()) {
                summaries.add(new Summary(new SearchResult.ProductSummary(rows.getObject(1, UUID.class),
                        rows.getString(2), rows.getString(3), rows.getString(4),
                        Money.of(rows.getLong(5), rows.getString(6)), rows.getObject(7, UUID.class),
                        JsonColumns.stringMap(rows.getString(8)), rows.getString(9), rows.getBoolean(10)),
                        rows.getString(11)));
            }
            return summaries;
        }
    }

    /**
     * Counts all matches per category and per price band in one pass over them (GROUPING SETS): a row per category
     * (band null) and a row per band (category null).
     */
    private static SearchResult.Facets facets(Matches matches, String currency) throws SQLException {
        List<SearchResult.CategoryCount> categories = new ArrayList<>();
        long[] bandCounts = new long[PRICE_BANDS.length + 1];
        Object bounds = matches.connection.createArrayOf("bigint", Arrays.stream(PRICE_BANDS).boxed().toArray());
        try (PreparedStatement statement = matches.prepare("SELECT p.category_id,"
                        + " width_bucket(pp.amount_minor, CAST(? AS bigint[])) AS band, count(*)", List.of(bounds),
                " GROUP BY GROUPING SETS ((p.category_id), (band)) ORDER BY count(*) DESC, p.category_id");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                UUID categoryId = rows.getObject(1, UUID.class);
                int band = rows.getInt(2);
                if (!rows.wasNull()) {
                    bandCounts[band] = rows.getLong(3);
                } else if (categoryId != null) {
                    categories.add(new SearchResult.CategoryCount(categoryId, rows.getLong(3)));
                }
            }
        }
        List<SearchResult.PriceBand> bands = new ArrayList<>();
        for (int band = 0; band < bandCounts.length; band++) {
            long from = band == 0 ? 0 : PRICE_BANDS[band - 1];
            Long to = band < PRICE_BANDS.length ? PRICE_BANDS[band] : null;
            bands.add(new SearchResult.PriceBand(from, to, currency, bandCounts[band]));
        }
        return new SearchResult.Facets(categories, bands);
    }
}
