package dev.shopstream.orders.cart;

import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.orders.catalog.Offer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CartTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final CartLimits LIMITS = new CartLimits(10, 2);

    @Test
    void addingASkuAgainAddsToItsQuantityUpToTheMaximum() {
        Cart cart = Cart.empty("sub-carla", "EUR", CLOCK);
        cart.add("MUG-RED", 4, LIMITS, CLOCK);
        cart.add("MUG-RED", 6, LIMITS, CLOCK);
        assertThat(cart.items()).containsExactly(Map.entry("MUG-RED", 10));
        assertThatThrownBy(() -> cart.add("MUG-RED", 1, LIMITS, CLOCK)).isInstanceOf(RuleViolationException.class)
                .hasMessage("The quantity of MUG-RED must be between 1 and 10; 11 is not.");
    }

    @Test
    void aCartHoldsAtMostTheConfiguredNumberOfSkus() {
        Cart cart = Cart.empty("sub-carla", "EUR", CLOCK);
        cart.add("A", 1, LIMITS, CLOCK);
        cart.add("B", 1, LIMITS, CLOCK);
        assertThatThrownBy(() -> cart.add("C", 1, LIMITS, CLOCK)).isInstanceOf(RuleViolationException.class);
        cart.set("B", 3, LIMITS, CLOCK);
        assertThat(cart.remove("A", CLOCK)).isTrue();
        assertThat(cart.remove("A", CLOCK)).isFalse();
        cart.add("C", 1, LIMITS, CLOCK);
        assertThat(cart.items()).containsExactly(Map.entry("B", 3), Map.entry("C", 1));
        assertThatThrownBy(() -> cart.set("B", 0, LIMITS, CLOCK)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void pricingNamesWhatCannotBeBoughtAndLeavesItOutOfTheSubtotal() {
        UUID product = UUID.randomUUID();
        Map<String, Offer> offers = Map.of(
                "MUG-RED", new Offer("MUG-RED", product, "Mug", true, 1250L, "EUR", 3),
                "OLD", new Offer("OLD", product, "Mug", false, 1250L, "EUR", 3),
                "USD-ONLY", new Offer("USD-ONLY", product, "Mug", true, null, "EUR", 3));
        PricedCart priced = PricedCart.of(Map.of("MUG-RED", 2, "OLD", 1, "USD-ONLY", 1, "GONE", 1), offers, "EUR");

        assertThat(priced.subtotalMinor()).isEqualTo(2500);
        assertThat(priced.problems()).containsExactlyInAnyOrder("SKU OLD is no longer for sale.",
                "SKU USD-ONLY has no price in EUR.", "SKU GONE does not exist.");
    }
}
