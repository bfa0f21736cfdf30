package dev.shopstream.catalog.api;

import dev.shopstream.catalog.inventory.Inventory;
import dev.shopstream.catalog.inventory.NewSku;
import dev.shopstream.catalog.inventory.SkuDetails;
import dev.shopstream.catalog.inventory.StockLevel;
import dev.shopstream.catalog.product.AttributeConstraints;
import dev.shopstream.commons.idempotency.Idempotent;
import dev.shopstream.commons.openapi.OpenApiRefs;
import dev.shopstream.commons.problem.ResourceNotFoundException;
import dev.shopstream.commons.web.ConditionalRequests;
import dev.shopstream.commons.web.IfMatch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.UUID;

/** SKUs and their stock, for staff and integrators (integrators may only touch stock). */
@Path("/skus")
@Tag(name = "Inventory")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class SkuResource {

    /** The longest reason a stock change records. */
    static final int REASON_MAX_LENGTH = 200;

    @Inject
    Inventory inventory;

    public record StockCount(@NotNull @PositiveOrZero @Max(StockLevel.MAX_ON_HAND)
                             @Schema(description = "The quantity counted on hand", example = "118") Integer onHand,
                             @NotBlank @Size(max = REASON_MAX_LENGTH) @Schema(example = "Stocktake, aisle 4")
                             String reason) {
    }

    public record SkuChange(@NotNull @PositiveOrZero @Max(StockLevel.MAX_ON_HAND)
                            @Schema(description = "A low-stock alert goes out when the available quantity falls to "
                                    + "it or below", example = "10")
                            Integer lowStockThreshold,
                            @Size(max = NewSku.MAX_ATTRIBUTES)
                            @Schema(description = "Replaces all of the SKU's attributes; absent clears them",
                                    example = """
                                            {"colour": "blue"}""")
                            Map<@AttributeConstraints.Key String, @AttributeConstraints.Value String> attributes) {
    }

    @Schema(description = "A SKU as staff see it; version is what its ETag carries")
    public record SkuView(@Schema(maxLength = NewSku.CODE_MAX_LENGTH) String code, UUID productId,
                          Map<String, @Size(max = AttributeConstraints.VALUE_MAX_LENGTH) String> attributes,
                          boolean archived, StockView stock, long version) {
        static SkuView of(SkuDetails sku) {
            return new SkuView(sku.code(), sku.productId(), sku.attributes(), sku.archived(),
                    StockView.of(sku.stock()), sku.version());
        }
    }

    public record StockAdjustment(@NotNull @Min(-StockLevel.MAX_ON_HAND) @Max(StockLevel.MAX_ON_HAND)
                                  @Schema(description = "Added to the quantity on hand; negative removes",
                                          example = "-3")
                                  Integer delta,
                                  @NotBlank @Size(max = REASON_MAX_LENGTH)
                                  @Schema(example = "Damaged in the warehouse") String reason) {
    }

    @Schema(description = "A SKU's stock: available is on hand less what reservations hold")
    public record StockView(@Schema(maxLength = NewSku.CODE_MAX_LENGTH) String sku, int onHand, int reserved,
                            int available, int lowStockThreshold) {
        static StockView of(StockLevel level) {
            return new StockView(level.sku(), level.onHand(), level.reserved(), level.available(),
                    level.lowStockThreshold());
        }
    }

    @POST
    @RolesAllowed("admin")
    @Idempotent
    @Operation(operationId = "createSku", summary = "Add a SKU (variant) of a product, with its initial stock",
            description = "Admins only. The SKU goes on sale with its product; its code names it in every other "
                    + "call, here and in reservations and orders. Unknown product → 404; code taken → 409; a "
                    + "product that already has " + Inventory.MAX_SKUS_PER_PRODUCT + " active SKUs → 409.")
    @Parameter(ref = OpenApiRefs.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "Created, with its stock",
            content = @Content(schema = @Schema(implementation = StockView.class)))
    @APIResponse(responseCode = "404", description = "No such product")
    @APIResponse(responseCode = "409", description = "SKU code taken, or the product has the most SKUs it may have")
    public Response add(@NotNull @Valid NewSku sku) {
        StockLevel level = inventory.addSku(sku.productId(), sku.code(), sku.onHand(),
                sku.lowStockThreshold() == null ? 0 : sku.lowStockThreshold(),
                sku.attributes() == null ? Map.of() : sku.attributes());
        return Response.status(Response.Status.CREATED).entity(StockView.of(level)).build();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({"admin", "support", "integrator"})
    @Operation(operationId = "getSku", summary = "Read a SKU: its product, variant attributes, state and stock",
            description = "For staff (admin, support) and integrators. The ETag header is what PUT /api/skus/{code} "
                    + "needs in If-Match. Unknown code → 404.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = SkuView.class)))
    @APIResponse(responseCode = "404", description = "No such SKU")
    public Response sku(@PathParam("code") @Size(max = NewSku.CODE_MAX_LENGTH) String code) {
        SkuDetails sku = inventory.sku(code).orElseThrow(() -> new ResourceNotFoundException("SKU", code));
        return Response.ok(SkuView.of(sku)).tag(ConditionalRequests.entityTag(sku.version())).build();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed("admin")
    @Operation(operationId = "replaceSku", summary = "Replace a SKU's variant attributes and low-stock threshold",
            description = "Admins only. If-Match must carry the ETag last read: missing → 428, stale → 412; an "
                    + "archived SKU → 409. Stock changes through the stock operations instead.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = SkuView.class)))
    @APIResponse(responseCode = "409", description = "The SKU is archived")
    public Response update(@PathParam("code") @Size(max = NewSku.CODE_MAX_LENGTH) String code,
                           @HeaderParam("If-Match") String ifMatch, @NotNull @Valid SkuChange change) {
        SkuDetails sku = inventory.updateSku(code, IfMatch.required(ifMatch),
                change.attributes() == null ? Map.of() : change.attributes(), change.lowStockThreshold());
        return Response.ok(SkuView.of(sku)).tag(ConditionalRequests.entityTag(sku.version())).build();
    }

    @GET
    @Path("{code}/stock")
    @RolesAllowed({"admin", "support", "integrator"})
    @Operation(operationId = "getSkuStock", summary = "Read a SKU's stock",
            description = "For staff (admin, support) and integrators: on hand, reserved by open reservations, "
                    + "available to sell and the low-stock threshold. Unknown code → 404.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = StockView.class)))
    @APIResponse(responseCode = "404", description = "No such SKU")
    public StockView stock(@PathParam("code") @Size(max = NewSku.CODE_MAX_LENGTH) String code) {
        return StockView.of(inventory.stockOf(code).orElseThrow(() -> new ResourceNotFoundException("SKU", code)));
    }

    @PUT
    @Path("{code}/stock")
    @RolesAllowed({"admin", "integrator"})
    @Idempotent
    @Operation(operationId = "replaceSkuStock", summary = "Set the counted quantity on hand",
            description = "For admins and integrators (a warehouse system after a count), with the reason for the "
                    + "audit trail. Unknown code → 404; below the quantity reserved → 409.")
    @Parameter(ref = OpenApiRefs.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = StockView.class)))
    @APIResponse(responseCode = "404", description = "No such SKU")
    @APIResponse(responseCode = "409", description = "Below the quantity reserved")
    public StockView setStock(@PathParam("code") @Size(max = NewSku.CODE_MAX_LENGTH) String code,
                              @NotNull @Valid StockCount count) {
        return StockView.of(inventory.setOnHand(code, count.onHand(), count.reason()));
    }

    @POST
    @Path("{code}/stock/adjustments")
    @RolesAllowed({"admin", "integrator", "service"})
    @Idempotent(required = true)
    @Operation(operationId = "adjustSkuStock", summary = "Add to or remove from the quantity on hand",
            description = "For admins, integrators and services: delta is added (negative removes); the reason goes "
                    + "to the stock event and the audit trail. The orders service puts a cancelled order's sold stock "
                    + "back this way. The Idempotency-Key header is required, so a retried adjustment is applied "
                    + "once: missing → 400. On hand may not drop below the quantity reserved (409) nor exceed "
                    + StockLevel.MAX_ON_HAND + " (422).")
    @Parameter(ref = OpenApiRefs.IDEMPOTENCY_KEY_REQUIRED)
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = StockView.class)))
    @APIResponse(responseCode = "404", description = "No such SKU")
    @APIResponse(responseCode = "409", description = "Would take on hand below the quantity reserved")
    @APIResponse(responseCode = "400", description = "Invalid body, or Idempotency-Key missing")
    public StockView adjustStock(@PathParam("code") @Size(max = NewSku.CODE_MAX_LENGTH) String code,
                                 @NotNull @Valid StockAdjustment adjustment) {
        return StockView.of(inventory.adjustOnHand(code, adjustment.delta(), adjustment.reason()));
    }

    @POST
    @Path("{code}/archive")
    @RolesAllowed("admin")
    @Operation(operationId = "archiveSku", summary = "Archive a SKU",
            description = "Admins only. The SKU leaves its product's page and can no longer be reserved; "
                    + "reservations it already has run their course. Archiving twice changes nothing. Unknown code "
                    + "→ 404.")
    @APIResponse(responseCode = "204", description = "Archived")
    @APIResponse(responseCode = "404", description = "No such SKU")
    public void archive(@PathParam("code") @Size(max = NewSku.CODE_MAX_LENGTH) String code) {
        inventory.archiveSku(code);
    }
}
