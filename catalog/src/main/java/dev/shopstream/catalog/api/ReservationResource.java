package dev.shopstream.catalog.api;

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

    public record RequestedLine(@NotNull @Size(max = 64) String sku, @NotNull @Min(1) @Max(10_000) Integer quantity) {
    }

    public record ReservationRequest(@NotBlank @Size(max = 100) String orderId,
                                     @NotEmpty @Size(max = 100) List<@NotNull @Valid RequestedLine> lines,
                                     @NotNull @Min(1) @Max(86_400) Integer ttlSeconds) {
    }

    @POST
    @RolesAllowed({"service", "admin"})
    @Operation(summary = "Reserve stock for an order, all lines or none",
            description = "Idempotent on orderId: the same request again answers 200 with the existing reservation; "
                    + "other lines for the same order → 409. Not enough stock → 409; unknown SKU → 422.")
    @APIResponse(responseCode = "201", description = "Reserved")
    @APIResponse(responseCode = "200", description = "This order's reservation already existed")
    @APIResponse(responseCode = "409", description = "Not enough stock, or a different reservation for the order")
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
    @Operation(summary = "Read an order's reservation")
    public ReservationView reservation(@PathParam("orderId") String orderId) {
        return reservations.reservation(orderId).map(ReservationView::of)
                .orElseThrow(() -> new ResourceNotFoundException("Reservation for order", orderId));
    }

    @POST
    @Path("{orderId}/commit")
    @RolesAllowed({"service", "admin"})
    @Operation(summary = "Turn the reservation into sold stock", description = "Repeating it changes nothing.")
    public ReservationView commit(@PathParam("orderId") String orderId) {
        return ReservationView.of(reservations.commit(orderId));
    }

    @POST
    @Path("{orderId}/release")
    @RolesAllowed({"service", "admin"})
    @Operation(summary = "Give the reserved stock back", description = "Repeating it changes nothing.")
    public ReservationView release(@PathParam("orderId") String orderId) {
        return ReservationView.of(reservations.release(orderId));
    }
}
