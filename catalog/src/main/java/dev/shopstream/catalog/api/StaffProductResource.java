package dev.shopstream.catalog.api;

import dev.shopstream.catalog.product.Product;
import dev.shopstream.catalog.product.ProductCatalog;
import dev.shopstream.catalog.product.ProductStatus;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.commons.problem.ResourceNotFoundException;
import dev.shopstream.commons.web.ConditionalRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

    @Inject
    ProductCatalog catalog;

    @GET
    @Operation(summary = "List products of any status, newest first",
            description = "status filters by lifecycle state (all states when absent); categoryId includes its "
                    + "sub-categories.")
    public Page<ProductView> list(@QueryParam("status") ProductStatus status,
                                  @QueryParam("categoryId") UUID categoryId,
                                  @QueryParam("cursor") String cursor,
                                  @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        ProductCatalog.Filter filter = new ProductCatalog.Filter(Optional.ofNullable(status),
                Optional.ofNullable(categoryId));
        return catalog.newestFirst(filter, cursor, limit).map(ProductView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a product of any status")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product")
    public Response get(@PathParam("id") UUID id) {
        Product product = catalog.find(id).orElseThrow(() -> new ResourceNotFoundException("Product", id));
        return Response.ok(ProductView.of(product)).tag(ConditionalRequests.entityTag(product.version())).build();
    }
}
