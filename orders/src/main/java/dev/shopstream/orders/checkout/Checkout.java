package dev.shopstream.orders.checkout;

import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.orders.cart.Cart;
import dev.shopstream.orders.cart.Carts;
import dev.shopstream.orders.cart.PricedCart;
import dev.shopstream.orders.catalog.Offers;
import dev.shopstream.orders.order.Order;
import dev.shopstream.orders.order.ShippingAddress;
import dev.shopstream.orders.saga.OrderSaga;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;

/**
 * Turns a cart (or, for integrators, explicit lines) into an order: priced from catalog now (the client never sends
 * a price), stored {@code PENDING} with its saga's first step, the cart emptied, all in one transaction
 * ({@link OrderPlacement}); then the saga starts on another thread and the customer is answered at once. Catalog is
 * asked before the transaction, so no database connection waits on it.
 */
@ApplicationScoped
public class Checkout {

    @Inject
    Carts carts;

    @Inject
    Offers offers;

    @Inject
    OrderPlacement placement;

    @Inject
    OrderSaga saga;

    /** What the customer asks for; {@code lines} (SKU → quantity, in {@code currency}) is empty to buy the cart. */
    public record Request(String customerId, Optional<Map<String, Integer>> lines, String currency,
                          ShippingAddress address, String paymentMethodToken) {
    }

    public Order checkout(Request request) {
        Optional<Cart> cart = request.lines().isPresent() ? Optional.empty()
                : Optional.of(carts.find(request.customerId()).filter(found -> !found.isEmpty())
                .orElseThrow(() -> new RuleViolationException("The cart is empty: add something to buy first.")));
        Map<String, Integer> items = cart.map(Cart::items).orElseGet(() -> request.lines().orElseThrow());
        String currency = cart.map(Cart::currency).orElse(request.currency());
        PricedCart priced = PricedCart.of(items, offers.of(items.keySet(), currency), currency);
        if (!priced.problems().isEmpty()) {
            throw new RuleViolationException("The order cannot be placed: " + String.join(" ", priced.problems()));
        }
        Order order = placement.place(request, priced, cart.map(Cart::version));
        saga.driveSoon(order.id());
        return order;
    }
}
