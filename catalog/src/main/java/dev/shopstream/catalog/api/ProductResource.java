package dev.shopstream.catalog.api;

import dev.shopstream.catalog.product.Product;
import dev.shopstream.catalog.product.ProductCatalog;
import dev.shopstream.catalog.product.ProductInput;
import dev.shopstream.catalog.search.ProductPageCache;
import dev.shopstream.catalog.search.ProductPages;
import dev.shopstream.catalog.search.ProductSearch;
import dev.shopstream.catalog.search.SearchResult;
import dev.shopstream.catalog.search.SortOrder;
import dev.shopstream.commons.idempotency.Idempotent;
import dev.shopstream.commons.openapi.OpenApiRefs;
import dev.shopstream.commons.money.CurrencyCode;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.commons.problem.ResourceNotFoundException;
import dev.shopstream.commons.web.ConditionalRequests;
import dev.shopstream.commons.web.IfMatch;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.groups.Default;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

@Path("/products")
@Tag(name = "Products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    @Inject
    ProductCatalog catalog;

    @Inject
    ProductSearch search;

    @Inject
    ProductPageCache pages;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed("admin")
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "keycloak")
    @Operation(operationId = "createProduct", summary = "Create a product",
            description = "Admins only. Without a slug one is made from the name; without a status the product is "
                    + "ACTIVE (public at once), DRAFT keeps it to staff. Slug taken → 409; unknown or archived "
                    + "category, two prices in one currency or status ARCHIVED → 422. Send an Idempotency-Key to "
                    + "make retries safe: the same key and body replay the first response.")
    @Parameter(ref = OpenApiRefs.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name the new product",
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "409", description = "Slug taken")
    @APIResponse(responseCode = "422", description = "Unknown or archived category, two prices in one currency, or "
            + "status ARCHIVED")
    public Response create(@NotNull @Valid ProductInput request) {
        Product product = catalog.create(request.toDetails());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(product.id().toString()).build())
                .tag(entityTagOf(product))
                .entity(ProductView.of(product))
                .build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(operationId = "getProduct", summary = "Read a product page",
            description = "Public, no token needed. The product with its prices and its SKUs with the quantity "
                    + "available. With currency, price is the price in it, and a product not sold in that currency "
                    + "is 404. Draft and archived products are 404 here; staff read them through "
                    + "/api/staff/products/{id}. Answers 304 to a matching If-None-Match.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = PublicProductView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such product, or no price in currency")
    public Response get(@PathParam("id") UUID id,
                        @Parameter(description = "ISO 4217 code of the shopper's currency", example = "EUR")
                        @QueryParam("currency") @CurrencyCode @Size(max = 3) String currency,
                        @Context Request request) {
        ProductPages.Page page = pages.find(id, currency)
                .orElseThrow(() -> new ResourceNotFoundException("Product", id));
        if (!page.pricedInCurrency()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Product " + id + " has no price in " + currency + ".");
        }
        // The page changes with stock as well as with the product, so its tag is a hash of what it shows.
        EntityTag tag = new EntityTag(page.version() + "-" + Integer.toHexString(page.json().hashCode()), true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.build();
        }
        return Response.ok(page.json(), MediaType.APPLICATION_JSON_TYPE).tag(tag).build();
    }

    @GET
    @PermitAll
    @Operation(operationId = "listProducts", summary = "List active products",
            description = "Public, no token needed. Only products priced in currency (default EUR) are listed, with "
                    + "that price. categoryId includes its sub-categories; attr=key:value filters by attribute; sort "
                    + "is newest (default), price-asc, price-desc or name, each stable. Cursor paging: pass the "
                    + "previous page's nextCursor as cursor with the same filters; the last page has none. Staff see "
                    + "drafts and archived products through /api/staff/products.")
    @APIResponse(responseCode = "200", description = "A page of products")
    @APIResponse(responseCode = "400", description = "Invalid filter, sort, cursor or limit")
    public Page<SearchResult.ProductSummary> list(@BeanParam @Valid BrowseParameters parameters) {
        return search.browse(parameters.toQuery(Optional.empty(), SortOrder.NEWEST), parameters.cursor,
                parameters.limit);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "keycloak")
    @Operation(operationId = "replaceProduct", summary = "Replace a product's details",
            description = "Admins only; slug and status are required here. If-Match must carry the ETag last read: "
                    + "missing → 428, stale → 412. Archived products cannot change (409); archive with POST "
                    + "/api/products/{id}/archive.")
    @APIResponse(responseCode = "200", description = "Updated; the new ETag is returned",
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product")
    @APIResponse(responseCode = "409", description = "Slug taken, or the product is archived")
    @APIResponse(responseCode = "422", description = "Unknown or archived category, two prices in one currency, or "
            + "status ARCHIVED")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid @ConvertGroup(from = Default.class, to = ProductInput.Replacement.class)
                           ProductInput change) {
        Product product = catalog.update(id, IfMatch.required(ifMatch), change.toDetails());
        return Response.ok(ProductView.of(product)).tag(entityTagOf(product)).build();
    }

    @POST
    @Path("{id}/archive")
    @RolesAllowed("admin")
    @SecurityRequirement(name = "keycloak")
    @Operation(operationId = "archiveProduct", summary = "Archive a product",
            description = "Admins only. Withdraws it from the public for good (staff still read it); archiving an "
                    + "archived product changes nothing.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product")
    public Response archive(@PathParam("id") UUID id) {
        Product product = catalog.archive(id);
        return Response.ok(ProductView.of(product)).tag(entityTagOf(product)).build();
    }

    private static EntityTag entityTagOf(Product product) {
        return ConditionalRequests.entityTag(product.version());
    }
}
