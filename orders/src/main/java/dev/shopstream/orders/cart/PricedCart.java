package dev.shopstream.orders.cart;

import dev.shopstream.orders.catalog.Offer;

import java.util.List;
import java.util.Map;

/**
 * A cart with what catalog offers its SKUs at now: each line's price in the cart's currency and the quantity
 * available, or why the line cannot be bought (unknown SKU, not for sale, no price in the currency). Availability
 * is shown, not enforced: stock is reserved at checkout.
 */
public record PricedCart(String currency, List<Line> lines) {

    /** {@code offer} is null for a SKU catalog does not know; {@code problem} is null for a line that can be bought. */
    public record Line(String sku, int quantity, Offer offer, String problem) {

        public Long unitPriceMinor() {
            return problem == null ? offer.priceMinor() : null;
        }

        public Long totalMinor() {
            return problem == null ? offer.priceMinor() * quantity : null;
        }
    }

    /** Prices {@code items} (SKU → quantity) from {@code offers} in {@code currency}. */
    public static PricedCart of(Map<String, Integer> items, Map<String, Offer> offers, String currency) {
        return new PricedCart(currency, items.entrySet().stream().map(item -> {
            Offer offer = offers.get(item.getKey());
            return new Line(item.getKey(), item.getValue(), offer, problemOf(item.getKey(), offer, currency));
        }).toList());
    }

    /** The longest reason {@link #problemOf} gives (its SKU is at most 64 characters). */
    public static final int MAX_PROBLEM = 100;

    /** Why a SKU cannot be bought, or null when it can. */
    public static String problemOf(String sku, Offer offer, String currency) {
        if (offer == null) {
            return "SKU " + sku + " does not exist.";
        }
        if (!offer.onSale()) {
            return "SKU " + sku + " is no longer for sale.";
        }
        if (!offer.isPriced()) {
            return "SKU " + sku + " has no price in " + currency + ".";
        }
        return null;
    }

    /** What the lines that can be bought cost together. */
    public long subtotalMinor() {
        return lines.stream().filter(line -> line.problem() == null).mapToLong(Line::totalMinor).sum();
    }

    public List<String> problems() {
        return lines.stream().map(Line::problem).filter(problem -> problem != null).toList();
    }
}
