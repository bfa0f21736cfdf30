package dev.shopstream.orders.api;

import dev.shopstream.orders.cart.CartLimits;
import dev.shopstream.orders.cart.PricedCart;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * A cart priced now: each line's unit price and total in the cart's currency and what catalog has available, or,
 * for a line that cannot be bought, {@code problem} instead of prices. Amounts in minor units.
 */
@Schema(description = "The caller's cart priced now, in its currency; amounts in the currency's minor unit. A line "
        + "that cannot be bought has a problem instead of prices and is left out of the subtotal.")
public record CartView(@Schema(maxLength = OrderRequests.MAX_CURRENCY, example = "EUR") String currency,
                       @Schema(maxItems = CartLimits.MAX_LINES) List<LineView> lines,
                       @Schema(description = "What the lines that can be bought cost together") long subtotalMinor,
                       @Schema(description = "The quantities of all lines added up") int itemCount) {

    @Schema(name = "CartLineView")
    public record LineView(@Schema(maxLength = OrderRequests.MAX_SKU) String sku,
                           UUID productId,
                           @Schema(maxLength = OrderRequests.MAX_PRODUCT_NAME) String productName,
                           int quantity,
                           Long unitPriceMinor,
                           Long totalMinor,
                           @Schema(description = "What catalog has available now; stock is reserved only at "
                                   + "checkout") Integer available,
                           @Schema(maxLength = PricedCart.MAX_PROBLEM, description = "Why the line cannot be "
                                   + "bought (unknown SKU, no longer for sale, no price in the currency)")
                           String problem) {
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
