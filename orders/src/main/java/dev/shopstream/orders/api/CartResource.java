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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in customer's cart (their token's subject); nobody reads or changes another's. */
@Path("/cart")
@Tag(name = "Cart")
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
    @Operation(summary = "Read my cart, priced now",
            description = "Prices and availability are catalog's at this moment, in the cart's currency (EUR for a "
                    + "new cart); a line that cannot be bought (unknown SKU, no longer for sale, no price in the "
                    + "currency) carries a problem instead of prices and is left out of the subtotal.")
    public CartView get() {
        return CartView.of(carts.view(caller.getSubject()));
    }

    @POST
    @Path("items")
    @Operation(summary = "Add a SKU to my cart",
            description = "Adds to the quantity already in the cart. An unknown SKU, one no longer for sale or "
                    + "without a price in the cart's currency, or a quantity above the cart's maximum → 422.")
    public CartView add(@NotNull @Valid OrderRequests.AddItem item) {
        return CartView.of(carts.priced(carts.add(caller.getSubject(), item.sku(), item.quantity())));
    }

    @PUT
    @Path("items/{sku}")
    @Operation(summary = "Set the quantity of a SKU in my cart")
    public CartView setQuantity(@PathParam("sku") @Size(max = 64) String sku,
                                @NotNull @Valid OrderRequests.Quantity quantity) {
        return CartView.of(carts.priced(carts.setQuantity(caller.getSubject(), sku, quantity.quantity())));
    }

    @DELETE
    @Path("items/{sku}")
    @Operation(summary = "Remove a SKU from my cart",
            description = "Removing one the cart does not hold changes nothing.")
    public CartView remove(@PathParam("sku") @Size(max = 64) String sku) {
        return CartView.of(carts.priced(carts.remove(caller.getSubject(), sku)));
    }

    @PUT
    @Path("currency")
    @Operation(summary = "Price my cart in another currency",
            description = "Every SKU in the cart must have a price in it (else 422, naming them).")
    public CartView switchCurrency(@NotNull @Valid OrderRequests.CartCurrency currency) {
        return CartView.of(carts.priced(carts.switchCurrency(caller.getSubject(), currency.currency())));
    }

    @DELETE
    @Operation(summary = "Empty my cart")
    public CartView clear() {
        carts.clear(caller.getSubject());
        return get();
    }
}
