package dev.shopstream.catalog.api;

import dev.shopstream.catalog.inventory.Inventory;
import dev.shopstream.catalog.inventory.NewSku;
import dev.shopstream.catalog.inventory.SkuDetails;
import dev.shopstream.catalog.inventory.StockLevel;
import dev.shopstream.catalog.product.AttributeConstraints;
import dev.shopstream.commons.idempotency.Idempotent;
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
import jakarta.validation.constraints.Pattern;
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

    @Inject
    Inventory inventory;

    public record StockCount(@NotNull @PositiveOrZero @Max(1_000_000_000) Integer onHand,
                             @NotBlank @Size(max = 200) String reason) {
    }

    public record SkuChange(@NotNull @PositiveOrZero @Max(1_000_000_000) Integer lowStockThreshold,
                            @Size(max = 10)
                            Map<@AttributeConstraints.Key String, @AttributeConstraints.Value String> attributes) {
    }

    public record SkuView(String code, UUID productId, Map<String, String> attributes, boolean archived,
                          StockView stock, long version) {
        static SkuView of(SkuDetails sku) {
            return new SkuView(sku.code(), sku.productId(), sku.attributes(), sku.archived(),
                    StockView.of(sku.stock()), sku.version());
        }
    }

    public record StockAdjustment(@NotNull @Min(-1_000_000_000) @Max(1_000_000_000) Integer delta,
                                  @NotBlank @Size(max = 200) String reason) {
    }

    public record StockView(String sku, int onHand, int reserved, int available, int lowStockThreshold) {
        static StockView of(StockLevel level) {
            return new StockView(level.sku(), level.onHand(), level.reserved(), level.available(),
                    level.lowStockThreshold());
        }
    }

    @POST
    @RolesAllowed("admin")
    @Idempotent
    @Operation(summary = "Add a SKU (variant) of a product, with its initial stock",
            description = "Unknown product → 404; taken code → 409.")
    @APIResponse(responseCode = "201", description = "Created, with its stock",
            content = @Content(schema = @Schema(implementation = StockView.class)))
    @APIResponse(responseCode = "409", description = "SKU code taken")
    public Response add(@NotNull @Valid NewSku sku) {
        StockLevel level = inventory.addSku(sku.productId(), sku.code(), sku.onHand(),
                sku.lowStockThreshold() == null ? 0 : sku.lowStockThreshold(),
                sku.attributes() == null ? Map.of() : sku.attributes());
        return Response.status(Response.Status.CREATED).entity(StockView.of(level)).build();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({"admin", "support", "integrator"})
    @Operation(summary = "Read a SKU: its product, variant attributes, state and stock",
            description = "The ETag is what PUT /api/skus/{code} needs in If-Match.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = SkuView.class)))
    @APIResponse(responseCode = "404", description = "No such SKU")
    public Response sku(@PathParam("code") String code) {
        SkuDetails sku = inventory.sku(code).orElseThrow(() -> new ResourceNotFoundException("SKU", code));
        return Response.ok(SkuView.of(sku)).tag(ConditionalRequests.entityTag(sku.version())).build();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed("admin")
    @Operation(summary = "Replace a SKU's variant attributes and low-stock threshold",
            description = "If-Match must carry the ETag last read: missing → 428, stale → 412; archived SKUs → 409. "
                    + "Stock changes through the stock endpoints.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = SkuView.class)))
    public Response update(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid SkuChange change) {
        SkuDetails sku = inventory.updateSku(code, IfMatch.required(ifMatch),
                change.attributes() == null ? Map.of() : change.attributes(), change.lowStockThreshold());
        return Response.ok(SkuView.of(sku)).tag(ConditionalRequests.entityTag(sku.version())).build();
    }

    @GET
    @Path("{code}/stock")
    @RolesAllowed({"admin", "support", "integrator"})
    @Operation(summary = "Read a SKU's stock")
    public StockView stock(@PathParam("code") String code) {
        return StockView.of(inventory.stockOf(code).orElseThrow(() -> new ResourceNotFoundException("SKU", code)));
    }

    @PUT
    @Path("{code}/stock")
    @RolesAllowed({"admin", "integrator"})
    @Idempotent
    @Operation(summary = "Set the counted quantity on hand",
            description = "With the reason for the audit trail; below the reserved quantity → 409.")
    public StockView setStock(@PathParam("code") String code, @NotNull @Valid StockCount count) {
        return StockView.of(inventory.setOnHand(code, count.onHand(), count.reason()));
    }

    @POST
    @Path("{code}/stock/adjustments")
    @RolesAllowed({"admin", "integrator", "service"})
    @Idempotent(required = true)
    @Operation(summary = "Add to or remove from the quantity on hand",
            description = "delta is added (negative removes); the reason goes to the event and the audit trail. "
                    + "The orders service puts a cancelled order's sold stock back this way. "
                    + "The Idempotency-Key header is required, so a retried adjustment is applied once: missing → "
                    + "400. On hand may not drop below the reserved quantity (409).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = StockView.class)))
    @APIResponse(responseCode = "404", description = "No such SKU")
    @APIResponse(responseCode = "409", description = "Would take on hand below the reserved quantity")
    @APIResponse(responseCode = "400", description = "Invalid body, or Idempotency-Key missing")
    public StockView adjustStock(@PathParam("code") String code, @NotNull @Valid StockAdjustment adjustment) {
        return StockView.of(inventory.adjustOnHand(code, adjustment.delta(), adjustment.reason()));
    }

    @POST
    @Path("{code}/archive")
    @RolesAllowed("admin")
    @Operation(summary = "Archive a SKU",
            description = "It disappears from product pages and can no longer be reserved; archiving twice changes "
                    + "nothing.")
    @APIResponse(responseCode = "204", description = "Archived")
    @APIResponse(responseCode = "404", description = "No such SKU")
    public void archive(@PathParam("code") String code) {
        inventory.archiveSku(code);
    }
}
