package dev.shopstream.notifications.broadcast;

/**
 * Whom a broadcast is for. Broadcasts are marketing: within any segment only those who opted in to marketing on the
 * broadcast's channel receive it.
 */
public enum Segment {
    /** The customers notifications knows: registered shoppers (user.registered) and anyone who placed an order. */
    ALL_CUSTOMERS("all-customers"),
    /** The customers who placed an order in the broadcast's period. */
    ORDERED_BETWEEN("ordered-between"),
    /** Everyone who opted in, customers or not (staff accounts, accounts made in Keycloak). */
    MARKETING_OPT_INS("marketing-opt-ins");

    private final String code;

    Segment(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Segment of(String code) {
        for (Segment segment : values()) {
            if (segment.code.equals(code)) {
                return segment;
            }
        }
        throw new IllegalArgumentException("Unknown segment " + code);
    }
}
