package dev.shopstream.catalog.inventory;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** So many units of one SKU, held for an order. */
public record ReservationLine(String sku, int quantity) {

    /**
     * One line per SKU, quantities of repeated SKUs added up, in SKU-code order: the order in which a reservation
     * locks stock rows, so concurrent reservations cannot deadlock.
     */
    public static List<ReservationLine> merged(List<ReservationLine> lines) {
        Map<String, Integer> wanted = new TreeMap<>();
        lines.forEach(line -> wanted.merge(line.sku(), line.quantity(), Integer::sum));
        return wanted.entrySet().stream().map(entry -> new ReservationLine(entry.getKey(), entry.getValue())).toList();
    }
}
