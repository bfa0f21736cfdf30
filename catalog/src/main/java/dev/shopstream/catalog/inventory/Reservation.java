package dev.shopstream.catalog.inventory;

import java.time.OffsetDateTime;
import java.util.List;

/** Stock held for one order. */
public record Reservation(String orderId, ReservationStatus status, List<ReservationLine> lines,
                          OffsetDateTime expiresAt) {
}
