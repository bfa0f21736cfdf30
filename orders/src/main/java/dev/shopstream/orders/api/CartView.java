package dev.shopstream.orders.api;

import dev.shopstream.orders.cart.PricedCart;

import java.util.List;
import java.util.UUID;

/**
 * A cart priced now: each line's unit price and total in the cart's currency and what catalog has available, or,
 * for a line that cannot be bought, {@code problem} instead of prices. Amounts in minor units.
 */
public record CartView(String currency, List<LineView> lines, long subtotalMinor, int itemCount) {

    public record LineView(String sku, UUID productId, String productName, int quantity, Long unitPriceMinor,
                           Long totalMinor, Integer available, String problem) {
    }

    static CartView of(PricedCart cart) {
        List<LineView> lines = cart.lines().stream().map(line -> new LineView(line.sku(),
                line.offer() == null ? null : line.offer().productId(),
                line.offer() == null ? null : line.offer().productName(), line.quantity(), line.unitPriceMinor(),
                line.totalMinor(), line.offer() == null ? null : line.offer().available(), line.problem())).toList();
        return new CartView(cart.currency(), lines, cart.subtotalMinor(),
                cart.lines().stream().mapToInt(PricedCart.Line::quantity).sum());
    }
}
