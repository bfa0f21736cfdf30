package dev.shopstream.catalog.api;

import dev.shopstream.catalog.search.ProductSearch;
import dev.shopstream.catalog.search.SearchQuery;
import dev.shopstream.catalog.search.SearchResult;
import dev.shopstream.commons.money.CurrencyCode;
import dev.shopstream.commons.problem.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

@Path("/search")
@Tag(name = "Products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    ProductSearch search;

    @GET
    @PermitAll
    @Operation(summary = "Search active products",
            description = "Every word matches as a prefix in the name (weighted highest) or the description; hits "
                    + "are ranked best first. Facets count all matches per category and per price band (in "
                    + "currency). minPrice/maxPrice are minor units of currency; inStock keeps products with a "
                    + "SKU that has stock available. Cursor paging as for the product list.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchResult.class)))
    @APIResponse(responseCode = "400", description = "Missing q, bad filter or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchResult search(@QueryParam("q") @NotBlank @Size(max = 200) String q,
                               @QueryParam("categoryId") UUID categoryId,
                               @QueryParam("currency") @DefaultValue("EUR") @CurrencyCode String currency,
                               @QueryParam("minPrice") @PositiveOrZero Long minPrice,
                               @QueryParam("maxPrice") @PositiveOrZero Long maxPrice,
                               @QueryParam("inStock") @DefaultValue("false") boolean inStock,
                               @QueryParam("cursor") String cursor,
                               @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return search.search(new SearchQuery(q, Optional.ofNullable(categoryId), currency,
                Optional.ofNullable(minPrice), Optional.ofNullable(maxPrice), inStock), cursor, limit);
    }
}
