package dev.shopstream.orders.api;

import dev.shopstream.commons.idempotency.IdempotencyFilter;
import dev.shopstream.commons.idempotency.Idempotent;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.commons.problem.FieldViolation;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.orders.fulfilment.Fulfilment;
import dev.shopstream.orders.order.OrderStatus;
import dev.shopstream.orders.order.OrderStore;
import dev.shopstream.orders.order.Orders;
import dev.shopstream.orders.saga.OrderSaga;
import dev.shopstream.orders.saga.SagaRecoveryJob;
import dev.shopstream.orders.saga.SagaStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Staff's view of every order: search, saga timelines, stuck sagas, and fulfilment, cancellation and refunds. */
@Path("/staff/orders")
@Tag(name = "Staff orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class StaffOrderResource {

    @Inject
    Orders orders;

    @Inject
    SagaStore sagas;

    @Inject
    OrderSaga saga;

    @Inject
    Fulfilment fulfilment;

    @GET
    @RolesAllowed({"admin", "support"})
    @Operation(summary = "Search orders, newest first",
            description = "Filters, all optional: status, customerId, from/to (RFC 3339, on the order's creation), "
                    + "minTotal/maxTotal (minor units). Cursor paging: pass nextCursor back as cursor.")
    public Page<OrderView> search(@QueryParam("status") String status,
                                  @QueryParam("customerId") @Size(max = 255) String customerId,
                                  @QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("minTotal") @Min(0) Long minTotal,
                                  @QueryParam("maxTotal") @Min(0) Long maxTotal,
                                  @QueryParam("cursor") @Size(max = 100) String cursor,
                                  @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        OrderStore.Filter filter = new OrderStore.Filter(Optional.ofNullable(customerId),
                Optional.ofNullable(status).map(StaffOrderResource::statusOf), time("from", from), time("to", to),
                Optional.ofNullable(minTotal), Optional.ofNullable(maxTotal));
        return orders.newestFirst(filter, cursor, limit).map(order -> OrderView.of(order, List.of()));
    }

    @GET
    @Path("stuck")
    @RolesAllowed({"admin", "support"})
    @Operation(summary = "List sagas that do not finish",
            description = "Sagas that tried their current step at least 3 times, or whose order is older than 5 "
                    + "minutes and still has a step to run; oldest first, at most 100.")
    public List<SagaStore.Unfinished> stuck() {
        return sagas.stuck(SagaRecoveryJob.STUCK_ATTEMPTS, SagaRecoveryJob.STUCK_AGE, 100);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "support"})
    @Operation(summary = "Read an order with its saga timeline")
    public OrderView get(@PathParam("id") UUID id) {
        return OrderView.of(orders.any(id), sagas.timeline(id));
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed("admin")
    @Operation(summary = "Run a saga's waiting step now",
            description = "Ends a retry's backoff; the step runs at once (on this replica when no other drives "
                    + "it). An order whose saga has ended → 409.")
    public OrderView retry(@PathParam("id") UUID id) {
        orders.any(id);
        if (!sagas.dueNow(id)) {
            throw new ProblemException(ProblemType.CONFLICT, "The saga of order " + id + " has ended.");
        }
        saga.drive(id);
        return get(id);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({"admin", "support"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel an order before it ships", description = "As the customer's cancellation; audited.")
    public OrderView cancel(@PathParam("id") UUID id, @NotNull @Valid OrderRequests.Cancellation cancellation) {
        String reason = cancellation.reason() == null ? "Cancelled by staff" : cancellation.reason();
        return OrderView.of(fulfilment.cancel(id, reason, true), sagas.timeline(id));
    }

    @POST
    @Path("{id}/refunds")
    @RolesAllowed({"admin", "support"})
    @Idempotent(required = true)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refund part of an order",
            description = "At most what was captured and not yet refunded (else 422); Idempotency-Key required, so "
                    + "a retried refund happens once; audited.")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = true, description = "Client-chosen "
            + "key, 1-255 visible ASCII characters", schema = @Schema(maxLength = 255))
    public OrderView refund(@PathParam("id") UUID id, @NotNull @Valid OrderRequests.Refund refund,
                            @HeaderParam(IdempotencyFilter.HEADER) String idempotencyKey) {
        return OrderView.of(fulfilment.refund(id, refund.amountMinor(), refund.reason(), idempotencyKey),
                sagas.timeline(id));
    }

    @POST
    @Path("{id}/pack")
    @RolesAllowed({"admin", "integrator"})
    @Operation(summary = "Mark a confirmed order packed", description = "Only from confirmed (else 409); audited.")
    public OrderView pack(@PathParam("id") UUID id) {
        return OrderView.of(fulfilment.pack(id), sagas.timeline(id));
    }

    @POST
    @Path("{id}/ship")
    @RolesAllowed({"admin", "integrator"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark a packed order shipped, with its carrier and tracking number",
            description = "Only from packed (else 409); audited.")
    public OrderView ship(@PathParam("id") UUID id, @NotNull @Valid OrderRequests.Shipment shipment) {
        return OrderView.of(fulfilment.ship(id, shipment.carrier(), shipment.trackingNumber()), sagas.timeline(id));
    }

    @POST
    @Path("{id}/deliver")
    @RolesAllowed({"admin", "integrator"})
    @Operation(summary = "Mark a shipped order delivered", description = "Only from shipped (else 409); audited.")
    public OrderView deliver(@PathParam("id") UUID id) {
        return OrderView.of(fulfilment.deliver(id), sagas.timeline(id));
    }

    private static OrderStatus statusOf(String code) {
        try {
            return OrderStatus.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "Unknown status " + code + ".",
                    List.of(new FieldViolation("status", "must be one of " + Arrays.stream(OrderStatus.values())
                            .map(OrderStatus::code).toList())), Map.of());
        }
    }

    private static Optional<OffsetDateTime> time(String name, String value) {
        try {
            return Optional.ofNullable(value).map(OffsetDateTime::parse);
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, name + " is not an RFC 3339 time.",
                    List.of(new FieldViolation(name, "must be an RFC 3339 time such as 2026-12-01T00:00:00Z")),
                    Map.of());
        }
    }
}
