package dev.shopstream.catalog.api;

import dev.shopstream.catalog.inventory.NewSku;
import dev.shopstream.catalog.inventory.Reservation;
import dev.shopstream.catalog.inventory.ReservationStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** A reservation as the orders service reads it. */
public record ReservationView(@Schema(maxLength = ReservationResource.ORDER_ID_MAX_LENGTH) String orderId,
                              ReservationStatus status,
                              @Schema(maxItems = ReservationResource.MAX_LINES, description = "One per SKU")
                              List<Line> lines,
                              @Schema(description = "When a RESERVED reservation expires") OffsetDateTime expiresAt) {

    @Schema(name = "ReservationLine")
    public record Line(@Schema(maxLength = NewSku.CODE_MAX_LENGTH) String sku, int quantity) {
    }

    static ReservationView of(Reservation reservation) {
        return new ReservationView(reservation.orderId(), reservation.status(),
                reservation.lines().stream().map(line -> new Line(line.sku(), line.quantity())).toList(),
                reservation.expiresAt());
    }
}
