package dev.shopstream.catalog.api;

import dev.shopstream.catalog.inventory.NewSku;
import dev.shopstream.catalog.inventory.ReservationLine;
import dev.shopstream.catalog.inventory.Reservations;
import dev.shopstream.commons.idempotency.Idempotent;
import dev.shopstream.commons.problem.ResourceNotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import java.time.Duration;
import java.util.List;

/** Stock reservations, held by the orders service (service token) for an order until it commits or releases. */
@Path("/reservations")
@Tag(name = "Inventory")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class ReservationResource {

    @Inject
    Reservations reservations;

    /** The {@code reservation.order_id} column. */
    static final int ORDER_ID_MAX_LENGTH = 100;

    /** The most lines one reservation takes. */
    static final int MAX_LINES = 100;

    public record RequestedLine(@NotNull @Size(max = NewSku.CODE_MAX_LENGTH) @Schema(example = "AURORA-BLUE-17")
                                String sku,
                                @NotNull @Min(1) @Max(10_000) @Schema(example = "2") Integer quantity) {
    }

    public record ReservationRequest(@NotBlank @Size(max = ORDER_ID_MAX_LENGTH)
                                     @Schema(description = "The order the stock is held for; one reservation per order",
                                             example = "e3b0c442-98fc-4c14-9afb-f4c8996fb924")
                                     String orderId,
                                     @NotEmpty @Size(max = MAX_LINES)
                                     @Schema(description = "Lines of the same SKU are added together", example = """
                                             [{"sku": "AURORA-BLUE-17", "quantity": 2}]""")
                                     List<@NotNull @Valid RequestedLine> lines,
                                     @NotNull @Min(1) @Max(86_400)
                                     @Schema(description = "How long the stock is held unless committed or released "
                                             + "first; then it expires and the stock is available again",
                                             example = "900")
                                     Integer ttlSeconds) {
    }

    @POST
    @RolesAllowed({"service", "admin"})
    @Operation(operationId = "createReservation", summary = "Reserve stock for an order, all lines or none",
            description = "For the orders service (service token) and admins. Idempotent on orderId: the same "
                    + "request again answers 200 with the existing reservation; other lines for the same order → "
                    + "409. Not enough stock → 409; an unknown or archived SKU → 422.")
    @APIResponse(responseCode = "201", description = "Reserved",
            content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "200", description = "This order's reservation already existed",
            content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "409", description = "Not enough stock, or a different reservation for the order")
    @APIResponse(responseCode = "422", description = "Unknown or archived SKU")
    public Response reserve(@NotNull @Valid ReservationRequest request) {
        List<ReservationLine> lines = request.lines().stream()
                .map(line -> new ReservationLine(line.sku(), line.quantity())).toList();
        Reservations.Reserved reserved = reservations.reserve(request.orderId(), lines,
                Duration.ofSeconds(request.ttlSeconds()));
        return Response.status(reserved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(ReservationView.of(reserved.reservation())).build();
    }

    @GET
    @Path("{orderId}")
    @RolesAllowed({"service", "admin", "support"})
    @Operation(operationId = "getReservation", summary = "Read an order's reservation",
            description = "For the orders service and staff (admin, support): its status, lines and expiry. No "
                    + "reservation for the order → 404.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "404", description = "No reservation for the order")
    public ReservationView reservation(@PathParam("orderId") @Size(max = ORDER_ID_MAX_LENGTH) String orderId) {
        return reservations.reservation(orderId).map(ReservationView::of)
                .orElseThrow(() -> new ResourceNotFoundException("Reservation for order", orderId));
    }

    @POST
    @Path("{orderId}/commit")
    @RolesAllowed({"service", "admin"})
    @Operation(operationId = "commitReservation", summary = "Turn the reservation into sold stock",
            description = "For the orders service and admins, once the order is paid: the reserved quantities leave "
                    + "on hand for good. Repeating it changes nothing; a released or expired reservation → 409; no "
                    + "reservation for the order → 404.")
    @APIResponse(responseCode = "200", description = "Committed",
            content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "404", description = "No reservation for the order")
    @APIResponse(responseCode = "409", description = "The reservation was released or expired")
    public ReservationView commit(@PathParam("orderId") @Size(max = ORDER_ID_MAX_LENGTH) String orderId) {
        return ReservationView.of(reservations.commit(orderId));
    }

    @POST
    @Path("{orderId}/release")
    @RolesAllowed({"service", "admin"})
    @Operation(operationId = "releaseReservation", summary = "Give the reserved stock back",
            description = "For the orders service and admins, when the order will not be paid: the reserved "
                    + "quantities are available again. Repeating it, or releasing an expired reservation, changes "
                    + "nothing; a committed reservation → 409; "
                    + "no reservation for the order → 404.")
    @APIResponse(responseCode = "200", description = "Released",
            content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "404", description = "No reservation for the order")
    @APIResponse(responseCode = "409", description = "The reservation was committed")
    public ReservationView release(@PathParam("orderId") @Size(max = ORDER_ID_MAX_LENGTH) String orderId) {
        return ReservationView.of(reservations.release(orderId));
    }
}
