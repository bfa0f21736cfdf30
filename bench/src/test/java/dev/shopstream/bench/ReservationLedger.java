package dev.shopstream.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How the catalog answered the reservations of one run, per SKU — reserved (201), refused for lack of stock (409),
 * anything else or no answer — and the check of the stock read afterwards against those answers. Virtual users
 * record concurrently.
 */
final class ReservationLedger {

    /** The answers for one SKU. */
    record Tally(LongAdder reserved, LongAdder refused, LongAdder other) {

        Tally() {
            this(new LongAdder(), new LongAdder(), new LongAdder());
        }
    }

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    /** {@code status} is the HTTP status, or 0 when no answer came. */
    void record(String sku, int status) {
        Tally tally = tally(sku);
        switch (status) {
            case 201 -> tally.reserved().increment();
            case 409 -> tally.refused().increment();
            default -> tally.other().increment();
        }
    }

    Tally tally(String sku) {
        return tallies.computeIfAbsent(sku, code -> new Tally());
    }

    /** Units accepted beyond what was on hand: what an oversell would have sold without stock. */
    long oversold(Map<String, Integer> initialOnHand) {
        return initialOnHand.entrySet().stream()
                .mapToLong(sku -> Math.max(0, tally(sku.getKey()).reserved().sum() - sku.getValue()))
                .sum();
    }

    /**
     * Every broken invariant, empty when none is. Reservations are held past the run (their time-to-live is longer)
     * and each takes one unit, so afterwards each SKU must show: reserved at most on hand, available not negative
     * and equal to on hand minus reserved, on hand as set up, reserved equal to the 201 answers, and no stock left
     * if any reservation was refused for lack of it.
     */
    List<String> violations(Map<String, Integer> initialOnHand, Map<String, CatalogAdmin.Stock> after) {
        List<String> violations = new ArrayList<>();
        initialOnHand.forEach((sku, initial) -> {
            CatalogAdmin.Stock stock = after.get(sku);
            Tally tally = tally(sku);
            long reserved = tally.reserved().sum();
            if (stock.reserved() > stock.onHand()) {
                violations.add("%s: reserved %d exceeds on hand %d".formatted(sku, stock.reserved(), stock.onHand()));
            }
            if (stock.available() < 0) {
                violations.add("%s: available %d is negative".formatted(sku, stock.available()));
            }
            if (stock.available() != stock.onHand() - stock.reserved()) {
                violations.add("%s: available %d, but on hand %d minus reserved %d is %d".formatted(sku,
                        stock.available(), stock.onHand(), stock.reserved(), stock.onHand() - stock.reserved()));
            }
            if (stock.onHand() != initial) {
                violations.add("%s: on hand %d, but the run set up %d".formatted(sku, stock.onHand(), initial));
            }
            if (stock.reserved() != reserved) {
                violations.add("%s: reserved %d, but %d reservations answered 201%s".formatted(sku, stock.reserved(),
                        reserved, tally.other().sum() == 0 ? ""
                                : " (and %d got no 201/409 answer)".formatted(tally.other().sum())));
            }
            if (tally.refused().sum() > 0 && stock.available() > 0) {
                violations.add("%s: %d reservations refused for lack of stock, yet %d still available"
                        .formatted(sku, tally.refused().sum(), stock.available()));
            }
        });
        return violations;
    }
}
