package dev.shopstream.catalog.api;

import dev.shopstream.catalog.product.Product;
import dev.shopstream.catalog.product.ProductCatalog;
import dev.shopstream.commons.idempotency.Idempotent;
import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.commons.problem.Problem;
import dev.shopstream.commons.problem.ResourceNotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

@Path("/products")
@Tag(name = "Products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    @Inject
    ProductCatalog catalog;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed("admin")
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "keycloak")
    @Operation(summary = "Create a product",
            description = "Send an Idempotency-Key to make retries safe: the same key and body replay the first response.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name the new product",
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid NewProduct request,
                           @Parameter(description = "Client-chosen key, 1-255 visible ASCII characters")
                           @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Product product = catalog.create(request.name(), request.description(), request.price());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(product.id().toString()).build())
                .tag(entityTagOf(product))
                .entity(ProductView.of(product))
                .build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "Read a product", description = "Answers 304 to a matching If-None-Match.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        Product product = catalog.find(id).orElseThrow(() -> new ResourceNotFoundException("Product", id));
        EntityTag tag = entityTagOf(product);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.build();
        }
        return Response.ok(ProductView.of(product)).tag(tag).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "List products, newest first",
            description = "Cursor paging: pass the previous page's nextCursor as cursor; the last page has none.")
    @APIResponse(responseCode = "200", description = "A page of products")
    @APIResponse(responseCode = "400", description = "Invalid cursor or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ProductView> list(@QueryParam("cursor") String cursor,
                                  @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        Optional<ProductCatalog.Position> after = Optional.ofNullable(cursor).map(ProductResource::positionOf);
        return Page.of(catalog.newestFirst(after, limit + 1), limit,
                (Product product) -> Cursor.of(product.createdAt().toString(), product.id().toString()))
                .map(ProductView::of);
    }

    private static ProductCatalog.Position positionOf(String encoded) {
        Cursor cursor = Cursor.decode(encoded, 2);
        try {
            return new ProductCatalog.Position(OffsetDateTime.parse(cursor.keys().get(0)),
                    UUID.fromString(cursor.keys().get(1)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw Cursor.invalid();
        }
    }

    private static EntityTag entityTagOf(Product product) {
        return new EntityTag(Long.toString(product.version()));
    }
}
