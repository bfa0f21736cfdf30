package dev.shopstream.orders.cart;

/** How much one cart may hold: the largest quantity of one SKU and the number of different SKUs. */
public record CartLimits(int maxQuantity, int maxLines) {

    /**
     * The most different SKUs a cart may be configured to hold, and so the most lines a cart or an order shows (the
     * API documents it, and an explicit checkout takes no more lines).
     */
    public static final int MAX_LINES = 50;

    public CartLimits {
        if (maxLines < 1 || maxLines > MAX_LINES) {
            throw new IllegalArgumentException("A cart's maximum number of lines must be between 1 and " + MAX_LINES
                    + "; " + maxLines + " is not.");
        }
    }
}
