package dev.shopstream.orders.api;

import dev.shopstream.commons.idempotency.Idempotent;
import dev.shopstream.commons.openapi.OpenApiRefs;
import dev.shopstream.commons.paging.Cursor;
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
@Tag(name = "Orders", description = "Checkout and the caller's own orders (roles customer and integrator): an "
        + "order is priced at checkout and completed by a saga; customers and integrators see only the orders "
        + "placed with their own token.")
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
    @Operation(operationId = "createOrder", summary = "Check out: place an order from my cart, or from explicit lines",
            description = "Customers (their cart, or explicit lines) and integrators (explicit lines). "
                    + "Idempotency-Key required: a retry (a double click) with the same key and body answers "
                    + "the first order again, never a second order or charge; the same key with another body → "
                    + "422. Prices are catalog's now; the cart is emptied. Answers 202 with the order pending and "
                    + "its Location: the saga reserves stock, authorizes and captures the payment on its own, and "
                    + "the order becomes confirmed, rejected (out of stock, naming the SKUs) or payment_failed; "
                    + "poll the order to follow it. An empty cart, or a line that cannot be bought → 422; the cart "
                    + "changed meanwhile → 409; catalog not answering → 503 with Retry-After (retry with the same "
                    + "key).")
    @APIResponse(responseCode = "202", description = "Placed; the saga completes it",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @Parameter(ref = OpenApiRefs.IDEMPOTENCY_KEY_REQUIRED)
    public Response place(@NotNull @Valid OrderRequests.Checkout request) {
        Order order = checkout.checkout(new Checkout.Request(caller.getSubject(), request.linesBySku(),
                request.currency(), request.shippingAddress().toDomain(), request.paymentMethodToken()));
        return Response.accepted(OrderView.of(order, sagas.timeline(order.id())))
                .location(uriInfo.getAbsolutePathBuilder().path(order.id().toString()).build()).build();
    }

    @GET
    @RolesAllowed({"customer", "integrator"})
    @Operation(operationId = "listMyOrders", summary = "List my orders, newest first",
            description = "Customers and integrators: the orders placed with the caller's token, without their "
                    + "timelines (read one order for it). Cursor paging: pass the previous page's nextCursor as "
                    + "cursor; the last page has none. A cursor that is not one this list issued → 400.")
    public Page<OrderView> mine(@QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH)
                                @Parameter(description = "The previous page's nextCursor") String cursor,
                                @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100)
                                @Parameter(description = "Orders per page") int limit) {
        return orders.newestFirst(OrderStore.Filter.ofCustomer(caller.getSubject()), cursor, limit)
                .map(order -> OrderView.of(order, List.of()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"customer", "integrator"})
    @Operation(operationId = "getMyOrder", summary = "Read one of my orders, with its saga timeline",
            description = "Customers and integrators, for an order placed with their token; another's order is "
                    + "404, as if it did not exist. The timeline shows each attempt of the saga's steps.")
    public OrderView get(@PathParam("id") @Parameter(description = "The order's id") UUID id) {
        Order order = orders.ofCustomer(id, caller.getSubject());
        return OrderView.of(order, sagas.timeline(id));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed("customer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelMyOrder", summary = "Cancel my order before it ships",
            description = "Customers only, for their own order (another's is 404). Only a confirmed or packed "
                    + "order (else 409). The body, and its reason, may be left out. What was paid is refunded and "
                    + "the stock goes back, as compensating steps that follow at once (see the timeline).")
    public OrderView cancel(@PathParam("id") @Parameter(description = "The order's id") UUID id,
                            @Valid OrderRequests.Cancellation cancellation) {
        orders.ofCustomer(id, caller.getSubject());
        String reason = cancellation == null || cancellation.reason() == null ? "Cancelled by the customer"
                : cancellation.reason();
        return OrderView.of(fulfilment.cancel(id, reason, false), sagas.timeline(id));
    }
}
