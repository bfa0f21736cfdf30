package dev.shopstream.catalog.api;

import dev.shopstream.catalog.search.ProductSearch;
import dev.shopstream.catalog.search.SearchResult;
import dev.shopstream.catalog.search.SortOrder;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

@Path("/search")
@Tag(name = "Products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    ProductSearch search;

    @GET
    @PermitAll
    @Operation(operationId = "searchProducts", summary = "Search active products",
            description = "Public, no token needed. Every word matches as a prefix in the name (weighted highest), "
                    + "the description or the attribute values; by default hits are ranked best first. The filters, "
                    + "currency and paging are those of GET /api/products. Facets count all matches per category and "
                    + "per price band (in currency); the first page carries them, pages after a cursor have empty "
                    + "facets.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = SearchResult.class)))
    @APIResponse(responseCode = "400", description = "Missing q, bad filter or cursor")
    public SearchResult search(@Parameter(description = "The search words", example = "blue kettle")
                               @QueryParam("q") @NotBlank @Size(max = 200) String q,
                               @BeanParam @Valid BrowseParameters parameters) {
        return search.search(parameters.toQuery(Optional.of(q), SortOrder.RELEVANCE), parameters.cursor,
                parameters.limit);
    }
}
