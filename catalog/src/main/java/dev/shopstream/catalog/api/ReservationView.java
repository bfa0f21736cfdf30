package dev.shopstream.catalog.api;

import dev.shopstream.catalog.inventory.Reservation;
import dev.shopstream.catalog.inventory.ReservationStatus;

import java.time.OffsetDateTime;
import java.util.List;

/** A reservation as the orders service reads it. */
public record ReservationView(String orderId, ReservationStatus status, List<Line> lines, OffsetDateTime expiresAt) {

    public record Line(String sku, int quantity) {
    }

    static ReservationView of(Reservation reservation) {
        return new ReservationView(reservation.orderId(), reservation.status(),
                reservation.lines().stream().map(line -> new Line(line.sku(), line.quantity())).toList(),
                reservation.expiresAt());
    }
}
