package dev.shopstream.catalog.api;

import dev.shopstream.catalog.product.AttributeConstraints;
import dev.shopstream.catalog.search.ProductSearch;
import dev.shopstream.catalog.search.SearchQuery;
import dev.shopstream.catalog.search.SortOrder;
import dev.shopstream.commons.money.CurrencyCode;
import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** The filters, currency, order and page that the public product list and the search share. */
public class BrowseParameters {

    /** An attribute filter, {@code key:value}. */
    private static final String FILTER_PATTERN =
            AttributeConstraints.KEY_PATTERN + ":[^|]{1," + AttributeConstraints.VALUE_MAX_LENGTH + "}";
    private static final int FILTER_MAX_LENGTH =
            AttributeConstraints.KEY_MAX_LENGTH + 1 + AttributeConstraints.VALUE_MAX_LENGTH;

    @QueryParam("categoryId")
    @Parameter(description = "Only products in this category or its sub-categories")
    UUID categoryId;

    @QueryParam("currency")
    @DefaultValue("EUR")
    @CurrencyCode
    @Size(max = 3)
    @Parameter(description = "The shopper's currency (ISO 4217): only products priced in it are shown, with that "
            + "price", example = "EUR")
    String currency;

    @QueryParam("minPrice")
    @PositiveOrZero
    @Max(Long.MAX_VALUE)
    @Parameter(description = "Lowest price in minor units of currency", example = "1000")
    Long minPrice;

    @QueryParam("maxPrice")
    @PositiveOrZero
    @Max(Long.MAX_VALUE)
    @Parameter(description = "Highest price in minor units of currency", example = "5000")
    Long maxPrice;

    @QueryParam("inStock")
    @DefaultValue("false")
    @Parameter(description = "Only products with a SKU that has stock available")
    boolean inStock;

    @QueryParam("attr")
    @Size(max = 10)
    @Parameter(description = "Attribute filters as key:value, e.g. colour:red; repeat for several (all must hold)")
    List<@NotNull @Size(max = FILTER_MAX_LENGTH) @Pattern(regexp = FILTER_PATTERN, message = "must be key:value")
            String> attributes;

    @QueryParam("sort")
    @Size(max = SortOrder.PARAMETER_MAX_LENGTH)
    @Pattern(regexp = SortOrder.PARAMETER_PATTERN, message = "must be one of " + SortOrder.PARAMETER_PATTERN)
    @Parameter(description = "Order: newest (list default), relevance (search default, needs q), price-asc, "
            + "price-desc or name")
    String sort;

    @QueryParam("cursor")
    @Size(max = Cursor.MAX_LENGTH)
    @Parameter(description = "The previous page's nextCursor, unchanged, with the same filters and order")
    String cursor;

    @QueryParam("limit")
    @DefaultValue("20")
    @Min(1)
    @Max(ProductSearch.MAX_PAGE_SIZE)
    @Parameter(description = "The most products on the page")
    int limit;

    SearchQuery toQuery(Optional<String> text, SortOrder defaultSort) {
        SortOrder order = Optional.ofNullable(sort).flatMap(SortOrder::ofParameter).orElse(defaultSort);
        if (order == SortOrder.RELEVANCE && text.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "sort=relevance needs search words (q).");
        }
        Map<String, String> wanted = new TreeMap<>();
        if (attributes != null) {
            attributes.forEach(filter -> {
                int colon = filter.indexOf(':');
                wanted.put(filter.substring(0, colon), filter.substring(colon + 1));
            });
        }
        return new SearchQuery(text, Optional.ofNullable(categoryId), currency, Optional.ofNullable(minPrice),
                Optional.ofNullable(maxPrice), inStock, wanted, order);
    }
}
