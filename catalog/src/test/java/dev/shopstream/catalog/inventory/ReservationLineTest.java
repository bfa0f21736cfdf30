package dev.shopstream.catalog.inventory;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReservationLineTest {

    @Test
    void repeatedSkusAreAddedUpIntoOneLine() {
        assertThat(ReservationLine.merged(List.of(new ReservationLine("MUG-RED", 2), new ReservationLine("MUG-RED", 3))))
                .containsExactly(new ReservationLine("MUG-RED", 5));
    }

    @Test
    void linesComeInSkuCodeOrderSoConcurrentReservationsLockRowsAlike() {
        List<ReservationLine> merged = ReservationLine.merged(List.of(new ReservationLine("TEA-01", 1),
                new ReservationLine("CUP-09", 4), new ReservationLine("MUG-RED", 2), new ReservationLine("CUP-09", 1)));

        assertThat(merged).containsExactly(new ReservationLine("CUP-09", 5), new ReservationLine("MUG-RED", 2),
                new ReservationLine("TEA-01", 1));
    }

    @Test
    void theSameWantsInAnotherOrderMergeAlike() {
        // A repeated reservation request is recognised by its merged lines (Inventory.reserve).
        assertThat(ReservationLine.merged(List.of(new ReservationLine("B", 1), new ReservationLine("A", 2))))
                .isEqualTo(ReservationLine.merged(List.of(new ReservationLine("A", 1), new ReservationLine("B", 1),
                        new ReservationLine("A", 1))));
    }
}
