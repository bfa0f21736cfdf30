package dev.shopstream.catalog.api;

import dev.shopstream.catalog.category.Category;
import dev.shopstream.catalog.category.CategoryCatalog;
import dev.shopstream.commons.idempotency.Idempotent;
import dev.shopstream.commons.openapi.OpenApiRefs;
import dev.shopstream.commons.problem.ResourceNotFoundException;
import dev.shopstream.commons.web.ConditionalRequests;
import dev.shopstream.commons.web.IfMatch;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/categories")
@Tag(name = "Categories")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {

    @Inject
    CategoryCatalog categories;

    @Context
    UriInfo uriInfo;

    @GET
    @PermitAll
    @Operation(operationId = "listCategories", summary = "List the live categories",
            description = "Public, no token needed. A flat list ordered by name; parentId links the tree. Archived "
                    + "categories are left out (they can still be read by id). There are at most "
                    + CategoryCatalog.MAX_LIVE_CATEGORIES + ".")
    @APIResponse(responseCode = "200", description = "The live categories, by name",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CategoryView.class,
                    maxItems = CategoryCatalog.MAX_LIVE_CATEGORIES)))
    public List<CategoryView> list() {
        return categories.all().stream().filter(category -> !category.archived()).map(CategoryView::of).toList();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(operationId = "getCategory", summary = "Read a category",
            description = "Public, no token needed; archived categories too. The ETag header is what PUT "
                    + "/api/categories/{id} needs in If-Match. Unknown id → 404.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "404", description = "No such category")
    public Response get(@PathParam("id") UUID id) {
        Category category = categories.find(id).orElseThrow(() -> new ResourceNotFoundException("Category", id));
        return Response.ok(CategoryView.of(category)).tag(ConditionalRequests.entityTag(category.version())).build();
    }

    @POST
    @RolesAllowed("admin")
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "keycloak")
    @Operation(operationId = "createCategory", summary = "Create a category",
            description = "Admins only. Slugs are unique (409); the parent must be a live category (422). At most "
                    + CategoryCatalog.MAX_LIVE_CATEGORIES + " categories may be live at once (409 beyond).")
    @Parameter(ref = OpenApiRefs.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name the new category",
            content = @Content(schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "409", description = "Slug taken, or as many live categories as there may be")
    @APIResponse(responseCode = "422", description = "Unknown or archived parent")
    public Response create(@NotNull @Valid CategoryInput input) {
        Category category = categories.create(input.slug(), input.name(), input.parentId());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(category.id().toString()).build())
                .tag(ConditionalRequests.entityTag(category.version()))
                .entity(CategoryView.of(category))
                .build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "keycloak")
    @Operation(operationId = "replaceCategory", summary = "Rename or move a category",
            description = "Admins only. The body replaces slug, name and parent (without parentId the category "
                    + "moves to the top level). If-Match required (428 without, 412 when stale); an archived "
                    + "category or a slug taken → 409; an unknown or archived parent, or one below the category "
                    + "itself → 422.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "404", description = "No such category")
    @APIResponse(responseCode = "409", description = "Slug taken, or the category is archived")
    @APIResponse(responseCode = "422", description = "Unknown or archived parent, or a move below itself")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid CategoryInput input) {
        Category category = categories.update(id, IfMatch.required(ifMatch), input.slug(), input.name(), input.parentId());
        return Response.ok(CategoryView.of(category)).tag(ConditionalRequests.entityTag(category.version())).build();
    }

    @POST
    @Path("{id}/archive")
    @RolesAllowed("admin")
    @SecurityRequirement(name = "keycloak")
    @Operation(operationId = "archiveCategory", summary = "Archive an empty category",
            description = "Admins only. It leaves the public tree and takes no new products or sub-categories. A "
                    + "category that still holds live sub-categories or draft/active products is refused (409). "
                    + "Archiving twice changes nothing.")
    @APIResponse(responseCode = "200", description = "Archived",
            content = @Content(schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "404", description = "No such category")
    @APIResponse(responseCode = "409", description = "Not empty")
    public Response archive(@PathParam("id") UUID id) {
        Category category = categories.archive(id);
        return Response.ok(CategoryView.of(category)).tag(ConditionalRequests.entityTag(category.version())).build();
    }
}
