package dev.shopstream.catalog.api;

import dev.shopstream.catalog.product.Product;
import dev.shopstream.catalog.product.ProductCatalog;
import dev.shopstream.catalog.product.ProductStatus;
import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.commons.problem.ResourceNotFoundException;
import dev.shopstream.commons.web.ConditionalRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

/**
 * The back office's view of products: every status, drafts and archived ones included. A separate, protected path
 * because Liberty authenticates a bearer token only on protected resources.
 */
@Path("/staff/products")
@Tag(name = "Products (staff)")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "support"})
@SecurityRequirement(name = "keycloak")
public class StaffProductResource {

    /** The largest page of the staff list. */
    static final int MAX_PAGE_SIZE = 100;

    @Inject
    ProductCatalog catalog;

    @GET
    @Operation(operationId = "listStaffProducts", summary = "List products of any status, newest first",
            description = "For staff (admin, support): drafts and archived products too. status filters by lifecycle "
                    + "state (all states when absent); categoryId includes its sub-categories. Cursor paging: pass "
                    + "the previous page's nextCursor as cursor with the same filters; the last page has none.")
    @APIResponse(responseCode = "200", description = "A page of products, newest first")
    public Page<ProductView> list(@Parameter(description = "Only products in this lifecycle state")
                                  @QueryParam("status") ProductStatus status,
                                  @Parameter(description = "Only products in this category or its sub-categories")
                                  @QueryParam("categoryId") UUID categoryId,
                                  @Parameter(description = "The previous page's nextCursor, unchanged")
                                  @QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH) String cursor,
                                  @Parameter(description = "The most products on the page")
                                  @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int limit) {
        ProductCatalog.Filter filter = new ProductCatalog.Filter(Optional.ofNullable(status),
                Optional.ofNullable(categoryId));
        return catalog.newestFirst(filter, cursor, limit).map(ProductView::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getStaffProduct", summary = "Read a product of any status",
            description = "For staff (admin, support): every field and price, drafts and archived products too. The "
                    + "ETag header is what PUT /api/products/{id} needs in If-Match. Unknown id → 404.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product")
    public Response get(@PathParam("id") UUID id) {
        Product product = catalog.find(id).orElseThrow(() -> new ResourceNotFoundException("Product", id));
        return Response.ok(ProductView.of(product)).tag(ConditionalRequests.entityTag(product.version())).build();
    }
}
