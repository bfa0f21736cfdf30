package dev.shopstream.orders.cart;

import dev.shopstream.commons.domain.RuleViolationException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * A signed-in customer's cart: SKUs and quantities in one currency. It holds no prices; they are read from catalog
 * whenever the cart is shown and fixed only at checkout. A line's quantity is between 1 and the configured maximum,
 * and a cart has at most a configured number of lines.
 */
@Entity
@Table(name = "cart")
public class Cart {

    @Id
    @Column(name = "customer_id")
    private String customerId;

    @Column(nullable = false, length = 3)
    private String currency;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "cart_item", joinColumns = @JoinColumn(name = "customer_id"))
    @MapKeyColumn(name = "sku")
    @Column(name = "quantity", nullable = false)
    private Map<String, Integer> items = new TreeMap<>();

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Cart() {
    }

    public static Cart empty(String customerId, String currency, Clock clock) {
        Cart cart = new Cart();
        cart.customerId = customerId;
        cart.currency = currency;
        cart.updatedAt = OffsetDateTime.now(clock);
        return cart;
    }

    /** Adds {@code quantity} of the SKU to what the cart already has of it. */
    public void add(String sku, int quantity, CartLimits limits, Clock clock) {
        set(sku, Math.addExact(items.getOrDefault(sku, 0), quantity), limits, clock);
    }

    /** Sets the SKU's quantity, adding the line when the cart has none. */
    public void set(String sku, int quantity, CartLimits limits, Clock clock) {
        if (quantity < 1 || quantity > limits.maxQuantity()) {
            throw new RuleViolationException("The quantity of " + sku + " must be between 1 and "
                    + limits.maxQuantity() + "; " + quantity + " is not.");
        }
        if (!items.containsKey(sku) && items.size() >= limits.maxLines()) {
            throw new RuleViolationException("A cart holds at most " + limits.maxLines() + " different SKUs.");
        }
        items.put(sku, quantity);
        updatedAt = OffsetDateTime.now(clock);
    }

    /** Removes the SKU's line; returns whether the cart had it. */
    public boolean remove(String sku, Clock clock) {
        boolean removed = items.remove(sku) != null;
        updatedAt = OffsetDateTime.now(clock);
        return removed;
    }

    public void clear(Clock clock) {
        items.clear();
        updatedAt = OffsetDateTime.now(clock);
    }

    /** Prices are read in the new currency from now on; what the cart holds stays. */
    public void switchTo(String currency, Clock clock) {
        this.currency = currency;
        updatedAt = OffsetDateTime.now(clock);
    }

    public String customerId() {
        return customerId;
    }

    public String currency() {
        return currency;
    }

    /** SKU → quantity, in SKU order. */
    public Map<String, Integer> items() {
        return new TreeMap<>(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
