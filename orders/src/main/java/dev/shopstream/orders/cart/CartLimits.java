package dev.shopstream.orders.cart;

/** How much one cart may hold: the largest quantity of one SKU and the number of different SKUs. */
public record CartLimits(int maxQuantity, int maxLines) {
}
