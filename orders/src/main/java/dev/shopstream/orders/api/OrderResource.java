package dev.shopstream.orders.api;

import dev.shopstream.commons.idempotency.Idempotent;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.orders.checkout.Checkout;
import dev.shopstream.orders.fulfilment.Fulfilment;
import dev.shopstream.orders.order.Order;
import dev.shopstream.orders.order.OrderStore;
import dev.shopstream.orders.order.Orders;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * Checkout and the caller's own orders: a customer (or an integrator, for the orders it placed) reads only orders
 * placed with their token's subject; another's is 404, as if it did not exist.
 */
@Path("/orders")
@Tag(name = "Orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class OrderResource {

    @Inject
    Checkout checkout;

    @Inject
    Orders orders;

    @Inject
    Fulfilment fulfilment;

    @Inject
    SagaStore sagas;

    @Inject
    JsonWebToken caller;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({"customer", "integrator"})
    @Idempotent(required = true)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check out: place an order from my cart, or from explicit lines",
            description = "Idempotency-Key required: a retry (a double click) with the same key and body answers "
                    + "the first order again, never a second order or charge; the same key with another body → "
                    + "422. Prices are catalog's now; the cart is emptied. Answers 202 with the order pending and "
                    + "its Location: the saga reserves stock, authorizes and captures the payment on its own, and "
                    + "the order becomes confirmed, rejected (out of stock, naming the SKUs) or payment_failed. "
                    + "An empty cart, or a line that cannot be bought → 422; the cart changed meanwhile → 409.")
    @APIResponse(responseCode = "202", description = "Placed; the saga completes it",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = true, description = "Client-chosen "
            + "key, 1-255 visible ASCII characters (the idempotency filter reads it)",
            schema = @Schema(maxLength = 255))
    public Response place(@NotNull @Valid OrderRequests.Checkout request) {
        Order order = checkout.checkout(new Checkout.Request(caller.getSubject(), request.linesBySku(),
                request.currency(), request.shippingAddress().toDomain(), request.paymentMethodToken()));
        return Response.accepted(OrderView.of(order, sagas.timeline(order.id())))
                .location(uriInfo.getAbsolutePathBuilder().path(order.id().toString()).build()).build();
    }

    @GET
    @RolesAllowed({"customer", "integrator"})
    @Operation(summary = "List my orders, newest first",
            description = "Cursor paging: pass the previous page's nextCursor as cursor; the last page has none.")
    public Page<OrderView> mine(@QueryParam("cursor") @Size(max = 100) String cursor,
                                @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return orders.newestFirst(OrderStore.Filter.ofCustomer(caller.getSubject()), cursor, limit)
                .map(order -> OrderView.of(order, List.of()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"customer", "integrator"})
    @Operation(summary = "Read one of my orders, with its saga timeline",
            description = "Another customer's order is 404.")
    public OrderView get(@PathParam("id") UUID id) {
        Order order = orders.ofCustomer(id, caller.getSubject());
        return OrderView.of(order, sagas.timeline(id));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed("customer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel my order before it ships",
            description = "Only a confirmed or packed order (else 409). What was paid is refunded and the stock "
                    + "goes back, as compensating steps that follow at once (see the timeline).")
    public OrderView cancel(@PathParam("id") UUID id, @Valid OrderRequests.Cancellation cancellation) {
        orders.ofCustomer(id, caller.getSubject());
        String reason = cancellation == null || cancellation.reason() == null ? "Cancelled by the customer"
                : cancellation.reason();
        return OrderView.of(fulfilment.cancel(id, reason, false), sagas.timeline(id));
    }
}
