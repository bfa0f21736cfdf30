package dev.shopstream.catalog.inventory;

import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.commons.domain.StateConflictException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void onHandMayFallToWhatIsReservedButNotBelow() {
        StockLevel level = new StockLevel("MUG-RED", 10, 4, 2);
        assertThat(level.withOnHand(4)).isEqualTo(new StockLevel("MUG-RED", 4, 4, 2));
        assertThatThrownBy(() -> level.withOnHand(3)).isInstanceOf(StateConflictException.class)
                .hasMessage("SKU MUG-RED has 10 on hand and 4 reserved; on hand cannot become 3.");
    }

    @Test
    void onHandHasACeilingEvenWhenAnAdjustmentOverflowsAnInt() {
        StockLevel level = new StockLevel("MUG-RED", StockLevel.MAX_ON_HAND, 0, 0);
        assertThat(level.withOnHand(StockLevel.MAX_ON_HAND).onHand()).isEqualTo(StockLevel.MAX_ON_HAND);
        assertThatThrownBy(() -> level.withOnHand((long) StockLevel.MAX_ON_HAND + Integer.MAX_VALUE))
                .isInstanceOf(RuleViolationException.class).hasMessage("On hand cannot exceed 1000000000.");
    }
}
