package dev.shopstream.catalog.inventory;

import dev.shopstream.commons.domain.StateConflictException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReservationTest {

    private static Reservation reservation(ReservationStatus status) {
        return new Reservation("order-1", status, List.of(new ReservationLine("MUG-RED", 2)), OffsetDateTime.now());
    }

    @Test
    void aHeldReservationCanEndEveryWay() {
        Reservation held = reservation(ReservationStatus.RESERVED);
        assertThat(held.holds()).isTrue();
        for (ReservationStatus target : List.of(ReservationStatus.COMMITTED, ReservationStatus.RELEASED,
                ReservationStatus.EXPIRED)) {
            assertThat(held.hasEndedAs(target)).as(target.name()).isFalse();
            assertThat(held.endedAs(target)).isEqualTo(new Reservation("order-1", target, held.lines(), held.expiresAt()));
        }
    }

    @Test
    void endingAgainTheSameWayChangesNothing() {
        assertThat(reservation(ReservationStatus.COMMITTED).hasEndedAs(ReservationStatus.COMMITTED)).isTrue();
        assertThat(reservation(ReservationStatus.RELEASED).hasEndedAs(ReservationStatus.RELEASED)).isTrue();
    }

    @Test
    void anExpiredReservationCountsAsReleased() {
        assertThat(reservation(ReservationStatus.EXPIRED).hasEndedAs(ReservationStatus.RELEASED)).isTrue();
    }

    @Test
    void aReservationThatEndedOneWayCannotEndAnother() {
        assertThatThrownBy(() -> reservation(ReservationStatus.RELEASED).hasEndedAs(ReservationStatus.COMMITTED))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("The reservation of order order-1 is already released.");
        assertThatThrownBy(() -> reservation(ReservationStatus.COMMITTED).hasEndedAs(ReservationStatus.RELEASED))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> reservation(ReservationStatus.EXPIRED).hasEndedAs(ReservationStatus.COMMITTED))
                .isInstanceOf(StateConflictException.class);
    }
}
