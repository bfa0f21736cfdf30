package dev.shopstream.orders.cart;

import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.orders.catalog.Offers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A customer's cart: view it priced from catalog, add SKUs that can be bought, change quantities, remove, clear,
 * change the currency. A SKU is checked against catalog when it is added (it must exist, be for sale and have a
 * price in the cart's currency); prices are read again each time the cart is shown.
 */
@ApplicationScoped
public class Carts {

    private static final String DEFAULT_CURRENCY = "EUR";

    @Inject
    CartStore store;

    @Inject
    Offers offers;

    @Inject
    @ConfigProperty(name = "shopstream.orders.cart.max-quantity", defaultValue = "100")
    int maxQuantity;

    @Inject
    @ConfigProperty(name = "shopstream.orders.cart.max-lines", defaultValue = "50")
    int maxLines;

    private final Clock clock = Clock.systemUTC();
    private CartLimits limits;

    @PostConstruct
    void limits() {
        limits = new CartLimits(maxQuantity, maxLines);
    }

    /** The customer's cart priced now; an empty cart in the default currency when they have none yet. */
    public PricedCart view(String customerId) {
        Cart cart = store.find(customerId).orElseGet(() -> Cart.empty(customerId, DEFAULT_CURRENCY, clock));
        return priced(cart);
    }

    public PricedCart priced(Cart cart) {
        return PricedCart.of(cart.items(), offers.of(cart.items().keySet(), cart.currency()), cart.currency());
    }

    public Optional<Cart> find(String customerId) {
        return store.find(customerId);
    }

    /** Adds {@code quantity} of a SKU that can be bought in the cart's currency. */
    @Transactional
    public Cart add(String customerId, String sku, int quantity) {
        Cart cart = lockedOrNew(customerId);
        requireBuyable(sku, cart.currency());
        cart.add(sku, quantity, limits, clock);
        return saved(cart);
    }

    /** Sets the quantity of a SKU the cart holds (or adds it, checked as {@link #add} does). */
    @Transactional
    public Cart setQuantity(String customerId, String sku, int quantity) {
        Cart cart = lockedOrNew(customerId);
        if (!cart.items().containsKey(sku)) {
            requireBuyable(sku, cart.currency());
        }
        cart.set(sku, quantity, limits, clock);
        return saved(cart);
    }

    /** Removes a SKU's line; removing one the cart does not hold changes nothing. */
    @Transactional
    public Cart remove(String customerId, String sku) {
        Cart cart = lockedOrNew(customerId);
        cart.remove(sku, clock);
        return saved(cart);
    }

    @Transactional
    public void clear(String customerId) {
        store.locked(customerId).ifPresent(cart -> cart.clear(clock));
    }

    /** Prices the cart in another currency from now on; every SKU it holds must have a price in it. */
    @Transactional
    public Cart switchCurrency(String customerId, String currency) {
        Cart cart = lockedOrNew(customerId);
        List<String> unpriced = PricedCart.of(cart.items(), offers.of(cart.items().keySet(), currency), currency)
                .problems();
        if (!unpriced.isEmpty()) {
            throw new RuleViolationException("The cart cannot change to " + currency + ": "
                    + String.join(" ", unpriced));
        }
        cart.switchTo(currency, clock);
        return saved(cart);
    }

    private void requireBuyable(String sku, String currency) {
        String problem = PricedCart.problemOf(sku, offers.of(List.of(sku), currency).get(sku), currency);
        if (problem != null) {
            throw new RuleViolationException(problem);
        }
    }

    private Cart lockedOrNew(String customerId) {
        return store.locked(customerId).orElseGet(() -> Cart.empty(customerId, DEFAULT_CURRENCY, clock));
    }

    private Cart saved(Cart cart) {
        store.save(cart);
        return cart;
    }
}
