package dev.shopstream.catalog.inventory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StockLevelTest {

    @Test
    void availableIsWhatReservationsLeaveOfTheStockOnHand() {
        assertThat(new StockLevel("MUG-RED", 12, 5, 3).available()).isEqualTo(7);
        assertThat(new StockLevel("MUG-RED", 5, 5, 0).available()).isZero();
    }

    @Test
    void stockIsLowAtOrBelowTheThreshold() {
        assertThat(new StockLevel("MUG-RED", 10, 7, 3).isLow()).as("3 available, threshold 3").isTrue();
        assertThat(new StockLevel("MUG-RED", 10, 6, 3).isLow()).as("4 available").isFalse();
        assertThat(new StockLevel("MUG-RED", 0, 0, 0).isLow()).as("sold out is low").isTrue();
    }
}
