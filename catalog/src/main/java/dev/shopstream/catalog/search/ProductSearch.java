package dev.shopstream.catalog.search;

import dev.shopstream.catalog.category.CategoryCatalog;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Full-text search over active products with PostgreSQL: the weighted {@code product.search} tsvector (name above
 * description) behind a GIN index, ts_rank ordering with the id as tie-breaker, prefix matching, and facet counts
 * per category and price band over every match.
 */
@ApplicationScoped
public class ProductSearch {

    /** Upper bounds (exclusive, minor units) of the price bands; the last band is open-ended. */
    static final long[] PRICE_BANDS = {1_000, 2_500, 5_000, 10_000, 25_000};

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    @Inject
    CategoryCatalog categories;

    public SearchResult search(SearchQuery query, String cursor, int limit) {
        String tsquery = query.prefixQuery();
        if (tsquery.isEmpty()) {
            return new SearchResult(List.of(), null, new SearchResult.Facets(List.of(), List.of()));
        }
        Optional<Set<UUID>> subtree = query.categoryId().map(categories::subtreeOf);
        if (subtree.isPresent() && subtree.get().isEmpty()) {
            return new SearchResult(List.of(), null, new SearchResult.Facets(List.of(), List.of()));
        }
        try (Connection connection = dataSource.getConnection()) {
            Matches matches = new Matches(connection, query, tsquery, subtree);
            Page<SearchResult.Hit> page = Page.of(hits(matches, cursor, limit + 1), limit,
                    hit -> Cursor.of(Float.toString(hit.rank()), hit.id().toString()));
            return new SearchResult(page.items(), page.nextCursor(),
                    new SearchResult.Facets(categoryCounts(matches), priceBands(matches, query.currency())));
        } catch (SQLException e) {
            throw new IllegalStateException("Product search failed", e);
        }
    }

    /** The WHERE clause shared by the hits and the facets, with its parameters. */
    private static final class Matches {
        final Connection connection;
        final StringBuilder where = new StringBuilder(
                " FROM product p, to_tsquery('english', ?) q WHERE p.status = 'ACTIVE' AND p.search @@ q");
        final List<Object> parameters = new ArrayList<>();

        Matches(Connection connection, SearchQuery query, String tsquery, Optional<Set<UUID>> subtree)
                throws SQLException {
            this.connection = connection;
            parameters.add(tsquery);
            if (subtree.isPresent()) {
                where.append(" AND p.category_id = ANY (?)");
                parameters.add(connection.createArrayOf("uuid", subtree.get().toArray()));
            }
            if (query.minPriceMinor().isPresent() || query.maxPriceMinor().isPresent()) {
                where.append(" AND p.currency = ?");
                parameters.add(query.currency());
            }
            query.minPriceMinor().ifPresent(min -> {
                where.append(" AND p.price_minor >= ?");
                parameters.add(min);
            });
            query.maxPriceMinor().ifPresent(max -> {
                where.append(" AND p.price_minor <= ?");
                parameters.add(max);
            });
            if (query.inStockOnly()) {
                where.append(" AND EXISTS (SELECT 1 FROM sku k JOIN stock s ON s.sku_id = k.id"
                        + " WHERE k.product_id = p.id AND s.on_hand > s.reserved)");
            }
        }

        /** {@code select} + the shared clause + {@code suffix}, each with its own parameters in that order. */
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

    private static List<SearchResult.Hit> hits(Matches matches, String cursor, int fetch) throws SQLException {
        String select = "SELECT p.id, p.slug, p.name, p.description, p.price_minor, p.currency, p.category_id,"
                + " ts_rank(p.search, q) AS rank";
        String order = " ORDER BY rank DESC, p.id DESC LIMIT ?";
        PreparedStatement statement;
        if (cursor == null) {
            statement = matches.prepare(select, List.of(), order, fetch);
        } else {
            Cursor position = Cursor.decode(cursor, 2);
            float rank;
            UUID id;
            try {
                rank = Float.parseFloat(position.keys().get(0));
                id = UUID.fromString(position.keys().get(1));
            } catch (IllegalArgumentException e) {
                throw Cursor.invalid();
            }
            statement = matches.prepare(select, List.of(),
                    " AND (ts_rank(p.search, q), p.id) < (CAST(? AS real), CAST(? AS uuid))" + order, rank, id, fetch);
        }
        try (statement; ResultSet rows = statement.executeQuery()) {
            List<SearchResult.Hit> hits = new ArrayList<>();
            while (rows.next()) {
                hits.add(new SearchResult.Hit(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                        rows.getString(4), Money.of(rows.getLong(5), rows.getString(6)),
                        rows.getObject(7, UUID.class), rows.getFloat(8)));
            }
            return hits;
        }
    }

    private static List<SearchResult.CategoryCount> categoryCounts(Matches matches) throws SQLException {
        try (PreparedStatement statement = matches.prepare("SELECT p.category_id, count(*)", List.of(),
                " AND p.category_id IS NOT NULL GROUP BY p.category_id ORDER BY count(*) DESC, p.category_id");
             ResultSet rows = statement.executeQuery()) {
            List<SearchResult.CategoryCount> counts = new ArrayList<>();
            while (rows.next()) {
                counts.add(new SearchResult.CategoryCount(rows.getObject(1, UUID.class), rows.getLong(2)));
            }
            return counts;
        }
    }

    private static List<SearchResult.PriceBand> priceBands(Matches matches, String currency) throws SQLException {
        long[] counts = new long[PRICE_BANDS.length + 1];
        Object bounds = matches.connection.createArrayOf("bigint",
                Arrays.stream(PRICE_BANDS).boxed().toArray());
        try (PreparedStatement statement = matches.prepare(
                "SELECT width_bucket(p.price_minor, CAST(? AS bigint[])), count(*)", List.of(bounds),
                " AND p.currency = ? GROUP BY 1", currency);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts[rows.getInt(1)] = rows.getLong(2);
            }
        }
        List<SearchResult.PriceBand> bands = new ArrayList<>();
        for (int band = 0; band < counts.length; band++) {
            long from = band == 0 ? 0 : PRICE_BANDS[band - 1];
            Long to = band < PRICE_BANDS.length ? PRICE_BANDS[band] : null;
            bands.add(new SearchResult.PriceBand(from, to, currency, counts[band]));
        }
        return bands;
    }
}
