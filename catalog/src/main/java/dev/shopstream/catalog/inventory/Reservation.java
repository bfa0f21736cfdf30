package dev.shopstream.catalog.inventory;

import dev.shopstream.commons.domain.StateConflictException;

import java.time.OffsetDateTime;
import java.util.List;

/** Stock held for one order. */
public record Reservation(String orderId, ReservationStatus status, List<ReservationLine> lines,
                          OffsetDateTime expiresAt) {

    /** Whether it still holds its stock. */
    public boolean holds() {
        return status == ReservationStatus.RESERVED;
    }

    /**
     * Whether it has already ended as {@code target} (so ending it again changes nothing); an expired reservation
     * counts as released. A reservation that ended otherwise cannot end as {@code target}.
     */
    public boolean hasEndedAs(ReservationStatus target) {
        if (status == target || (target == ReservationStatus.RELEASED && status == ReservationStatus.EXPIRED)) {
            return true;
        }
        if (!holds()) {
            throw new StateConflictException("The reservation of order " + orderId + " is already "
                    + status.name().toLowerCase() + ".");
        }
        return false;
    }

    public Reservation endedAs(ReservationStatus target) {
        return new Reservation(orderId, target, lines, expiresAt);
    }
}
