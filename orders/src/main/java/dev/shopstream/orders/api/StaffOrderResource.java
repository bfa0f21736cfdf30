package dev.shopstream.orders.api;

import dev.shopstream.commons.idempotency.IdempotencyFilter;
import dev.shopstream.commons.idempotency.Idempotent;
import dev.shopstream.commons.openapi.OpenApiRefs;
import dev.shopstream.commons.paging.Cursor;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
@Tag(name = "Staff orders", description = "Every customer's orders for staff (admin, support): search, saga "
        + "timelines and stuck sagas, cancellation and refunds; fulfilment (pack, ship, deliver) also for "
        + "integrators. Changes are audited.")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class StaffOrderResource {

    /** The most stuck sagas one answer lists. */
    static final int STUCK_LISTED = 100;

    /** The longest RFC 3339 time: nanoseconds and an offset, 2026-12-01T00:00:00.123456789+01:00. */
    private static final int MAX_TIME = 35;

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
    @Operation(operationId = "searchOrders", summary = "Search orders, newest first",
            description = "Staff (admin, support): every customer's orders, without their timelines (read one "
                    + "order for it). Filters, all optional and combined: status, customerId, from/to (RFC 3339, "
                    + "on the order's creation), minTotal/maxTotal (minor units, whatever the currency). Cursor "
                    + "paging: pass nextCursor back as cursor. An unknown status, a time that is not RFC 3339 or a "
                    + "cursor this search did not issue → 400.")
    public Page<OrderView> search(@QueryParam("status") @Parameter(description = "Only orders in this status")
                                  @Schema(enumeration = {"pending", "confirmed", "rejected", "payment_failed",
                                          "packed", "shipped", "delivered", "cancelled"}) String status,
                                  @QueryParam("customerId") @Size(max = 255)
                                  @Parameter(description = "Only this customer's orders: the subject of the token "
                                          + "they were placed with") String customerId,
                                  @QueryParam("from") @Size(max = MAX_TIME) @Schema(format = "date-time")
                                  @Parameter(description = "Only orders created at or after this time")
                                  String from,
                                  @QueryParam("to") @Size(max = MAX_TIME) @Schema(format = "date-time")
                                  @Parameter(description = "Only orders created before this time") String to,
                                  @QueryParam("minTotal") @Min(0) @Max(OrderRequests.MAX_AMOUNT_MINOR)
                                  @Parameter(description = "Only orders whose total is at least this")
                                  Long minTotal,
                                  @QueryParam("maxTotal") @Min(0) @Max(OrderRequests.MAX_AMOUNT_MINOR)
                                  @Parameter(description = "Only orders whose total is at most this")
                                  Long maxTotal,
                                  @QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH)
                                  @Parameter(description = "The previous page's nextCursor") String cursor,
                                  @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100)
                                  @Parameter(description = "Orders per page") int limit) {
        OrderStore.Filter filter = new OrderStore.Filter(Optional.ofNullable(customerId),
                Optional.ofNullable(status).map(StaffOrderResource::statusOf), time("from", from), time("to", to),
                Optional.ofNullable(minTotal), Optional.ofNullable(maxTotal));
        return orders.newestFirst(filter, cursor, limit).map(order -> OrderView.of(order, List.of()));
    }

    @GET
    @Path("stuck")
    @RolesAllowed({"admin", "support"})
    @Operation(operationId = "listStuckSagas", summary = "List sagas that do not finish",
            description = "Staff (admin, support). Sagas that tried their current step at least "
                    + SagaRecoveryJob.STUCK_ATTEMPTS + " times, or whose order is older than "
                    + SagaRecoveryJob.STUCK_AGE_MINUTES + " minutes and still has a step to run; oldest first, at most "
                    + STUCK_LISTED + ". Read the order for its timeline; an admin may retry its step.")
    @APIResponse(responseCode = "200", description = "The stuck sagas, oldest first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SagaStore.Unfinished.class,
                    maxItems = STUCK_LISTED)))
    public List<SagaStore.Unfinished> stuck() {
        return sagas.stuck(SagaRecoveryJob.STUCK_ATTEMPTS, SagaRecoveryJob.STUCK_AGE, STUCK_LISTED);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "support"})
    @Operation(operationId = "getOrder", summary = "Read an order with its saga timeline",
            description = "Staff (admin, support): any customer's order, with every attempt of its saga's steps. "
                    + "An unknown id → 404.")
    public OrderView get(@PathParam("id") @Parameter(description = "The order's id") UUID id) {
        return OrderView.of(orders.any(id), sagas.timeline(id));
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed("admin")
    @Operation(operationId = "retryOrderSaga", summary = "Run a saga's waiting step now",
            description = "Admins only. Ends a retry's backoff; the step runs at once (on this replica when no "
                    + "other drives it) and the order is answered with its timeline. An order whose saga has "
                    + "ended → 409.")
    public OrderView retry(@PathParam("id") @Parameter(description = "The order's id") UUID id) {
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
    @Operation(operationId = "cancelOrder", summary = "Cancel an order before it ships",
            description = "Staff (admin, support), for any customer's order; otherwise as the customer's "
                    + "cancellation: only a confirmed or packed order (else 409), what was paid is refunded and "
                    + "the stock goes back. The reason defaults to \"Cancelled by staff\"; audited.")
    public OrderView cancel(@PathParam("id") @Parameter(description = "The order's id") UUID id,
                            @NotNull @Valid OrderRequests.Cancellation cancellation) {
        String reason = cancellation.reason() == null ? "Cancelled by staff" : cancellation.reason();
        return OrderView.of(fulfilment.cancel(id, reason, true), sagas.timeline(id));
    }

    @POST
    @Path("{id}/refunds")
    @RolesAllowed({"admin", "support"})
    @Idempotent(required = true)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "refundOrder", summary = "Refund part of an order",
            description = "Staff (admin, support). Gives back part of what the order's payment took: at most what "
                    + "was captured and not yet refunded (else 422; an order that took no money → 409). "
                    + "Idempotency-Key required, so a retried refund happens once. Payments not answering → 503 "
                    + "with Retry-After; audited.")
    @Parameter(ref = OpenApiRefs.IDEMPOTENCY_KEY_REQUIRED)
    public OrderView refund(@PathParam("id") @Parameter(description = "The order's id") UUID id,
                            @NotNull @Valid OrderRequests.Refund refund,
                            @HeaderParam(IdempotencyFilter.HEADER) @Parameter(hidden = true) String idempotencyKey) {
        return OrderView.of(fulfilment.refund(id, refund.amountMinor(), refund.reason(), idempotencyKey),
                sagas.timeline(id));
    }

    @POST
    @Path("{id}/pack")
    @RolesAllowed({"admin", "integrator"})
    @Operation(operationId = "packOrder", summary = "Mark a confirmed order packed",
            description = "Admins and integrators (a fulfilment partner). Only from confirmed (else 409); "
                    + "audited.")
    public OrderView pack(@PathParam("id") @Parameter(description = "The order's id") UUID id) {
        return OrderView.of(fulfilment.pack(id), sagas.timeline(id));
    }

    @POST
    @Path("{id}/ship")
    @RolesAllowed({"admin", "integrator"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "shipOrder", summary = "Mark a packed order shipped, with its carrier and tracking number",
            description = "Admins and integrators (a fulfilment partner). Only from packed (else 409); the "
                    + "order keeps the carrier and tracking number for the customer to read; audited.")
    public OrderView ship(@PathParam("id") @Parameter(description = "The order's id") UUID id,
                          @NotNull @Valid OrderRequests.Shipment shipment) {
        return OrderView.of(fulfilment.ship(id, shipment.carrier(), shipment.trackingNumber()), sagas.timeline(id));
    }

    @POST
    @Path("{id}/deliver")
    @RolesAllowed({"admin", "integrator"})
    @Operation(operationId = "deliverOrder", summary = "Mark a shipped order delivered",
            description = "Admins and integrators (a fulfilment partner). Only from shipped (else 409); audited.")
    public OrderView deliver(@PathParam("id") @Parameter(description = "The order's id") UUID id) {
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
