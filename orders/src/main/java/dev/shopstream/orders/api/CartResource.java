package dev.shopstream.orders.api;

import dev.shopstream.orders.cart.Carts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in customer's cart (their token's subject); nobody reads or changes another's. */
@Path("/cart")
@Tag(name = "Cart", description = "The signed-in customer's cart (role customer): SKUs and quantities in one "
        + "currency, priced from catalog each time it is read. Every operation answers the cart as it is now.")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed("customer")
public class CartResource {

    @Inject
    Carts carts;

    @Inject
    JsonWebToken caller;

    @GET
    @Operation(operationId = "getCart", summary = "Read my cart, priced now",
            description = "Customers only; the cart is the caller's (their token's subject). Prices and "
                    + "availability are catalog's at this moment, in the cart's currency (EUR for a new cart); a "
                    + "line that cannot be bought (unknown SKU, no longer for sale, no price in the currency) "
                    + "carries a problem instead of prices and is left out of the subtotal. Catalog not answering "
                    + "→ 503 with Retry-After.")
    public CartView get() {
        return CartView.of(carts.view(caller.getSubject()));
    }

    @POST
    @Path("items")
    @Operation(operationId = "addCartItem", summary = "Add a SKU to my cart",
            description = "Customers only. Adds to the quantity already in the cart. An unknown SKU, one no longer "
                    + "for sale or without a price in the cart's currency, a quantity above the cart's maximum, or "
                    + "a new SKU in a cart that holds its maximum number of lines → 422.")
    public CartView add(@NotNull @Valid OrderRequests.AddItem item) {
        return CartView.of(carts.priced(carts.add(caller.getSubject(), item.sku(), item.quantity())));
    }

    @PUT
    @Path("items/{sku}")
    @Operation(operationId = "replaceCartItem", summary = "Set the quantity of a SKU in my cart",
            description = "Customers only. Replaces the quantity the cart holds of the SKU, or adds the SKU when "
                    + "the cart has none of it (checked as adding is: unknown, not for sale or unpriced → 422). A "
                    + "quantity above the cart's maximum, or a new SKU in a full cart → 422.")
    public CartView setQuantity(@PathParam("sku") @Size(max = OrderRequests.MAX_SKU)
                                @Parameter(description = "The SKU code, as catalog names it") String sku,
                                @NotNull @Valid OrderRequests.Quantity quantity) {
        return CartView.of(carts.priced(carts.setQuantity(caller.getSubject(), sku, quantity.quantity())));
    }

    @DELETE
    @Path("items/{sku}")
    @Operation(operationId = "deleteCartItem", summary = "Remove a SKU from my cart",
            description = "Customers only. Removing a SKU the cart does not hold changes nothing and still "
                    + "answers the cart.")
    public CartView remove(@PathParam("sku") @Size(max = OrderRequests.MAX_SKU)
                           @Parameter(description = "The SKU code, as catalog names it") String sku) {
        return CartView.of(carts.priced(carts.remove(caller.getSubject(), sku)));
    }

    @PUT
    @Path("currency")
    @Operation(operationId = "replaceCartCurrency", summary = "Price my cart in another currency",
            description = "Customers only. From now on the cart is priced, and checked out, in this currency. "
                    + "Every SKU in the cart must have a price in it, else 422 naming those that have none.")
    public CartView switchCurrency(@NotNull @Valid OrderRequests.CartCurrency currency) {
        return CartView.of(carts.priced(carts.switchCurrency(caller.getSubject(), currency.currency())));
    }

    @DELETE
    @Operation(operationId = "clearCart", summary = "Empty my cart",
            description = "Customers only. Removes every line and answers the empty cart, which keeps its "
                    + "currency; emptying an empty cart changes nothing.")
    public CartView clear() {
        carts.clear(caller.getSubject());
        return get();
    }
}
