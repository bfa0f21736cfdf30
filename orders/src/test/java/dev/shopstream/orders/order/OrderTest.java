package dev.shopstream.orders.order;

import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.commons.domain.StateConflictException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTest {

    private static final Clock CLOCK = Clock.systemUTC();

    private static Order order() {
        return Order.place(UUID.randomUUID(), "sub-carla", "EUR", List.of(
                new OrderLine(1, "MUG-RED", UUID.randomUUID(), "Mug", 2, 1250),
                new OrderLine(2, "TEE-M", UUID.randomUUID(), "Tee", 1, 1999)), 495, 100,
                new ShippingAddress("Carla", "Main St 1", null, "10115", "Berlin", "DE"), "pm_card_visa", CLOCK);
    }

    @Test
    void totalsAreTheLinesPlusShippingAndTax() {
        Order order = order();
        assertThat(order.subtotalMinor()).isEqualTo(2 * 1250 + 1999);
        assertThat(order.totalMinor()).isEqualTo(2 * 1250 + 1999 + 495 + 100);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void anOrderNeedsALine() {
        assertThatThrownBy(() -> Order.place(UUID.randomUUID(), "sub-carla", "EUR", List.of(), 0, 0,
                new ShippingAddress("C", "1", null, "1", "B", "DE"), "pm_card_visa", CLOCK))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void fulfilmentGoesConfirmedPackedShippedDeliveredAndNoOtherWay() {
        Order order = order();
        assertThatThrownBy(() -> order.pack(CLOCK)).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("is pending and cannot become packed");
        order.confirm(order.totalMinor(), CLOCK);
        assertThatThrownBy(() -> order.ship("DHL", "1", CLOCK)).isInstanceOf(StateConflictException.class);
        order.pack(CLOCK);
        order.ship("DHL", "00340434", CLOCK);
        assertThatThrownBy(order::requireCancellable).as("shipped orders are not cancelled")
                .isInstanceOf(StateConflictException.class);
        order.deliver(CLOCK);
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.trackingNumber()).isEqualTo("00340434");
    }

    @Test
    void aCheckoutEndsOnceOnly() {
        Order order = order();
        order.reject("Out of stock: MUG-RED", CLOCK);
        assertThatThrownBy(() -> order.confirm(1, CLOCK)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> order.failPayment("declined", CLOCK)).isInstanceOf(StateConflictException.class);
        assertThat(order.failureReason()).isEqualTo("Out of stock: MUG-RED");
    }

    @Test
    void refundsNeverExceedWhatWasCaptured() {
        Order order = order();
        assertThatThrownBy(() -> order.requireRefundable(100)).as("nothing captured yet")
                .isInstanceOf(StateConflictException.class);
        order.confirm(order.totalMinor(), CLOCK);
        order.refunded(1000, CLOCK);
        assertThat(order.refundableMinor()).isEqualTo(order.totalMinor() - 1000);
        assertThatThrownBy(() -> order.refunded(order.refundableMinor() + 1, CLOCK))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> order.refunded(0, CLOCK)).isInstanceOf(RuleViolationException.class);
        order.refunded(order.refundableMinor(), CLOCK);
        assertThat(order.refundedMinor()).isEqualTo(order.capturedMinor());
    }

    @Test
    void onlyAConfirmedOrPackedOrderIsCancelled() {
        Order pending = order();
        assertThatThrownBy(() -> pending.cancel("changed my mind", CLOCK)).isInstanceOf(StateConflictException.class);
        Order packed = order();
        packed.confirm(packed.totalMinor(), CLOCK);
        packed.pack(CLOCK);
        packed.cancel("changed my mind", CLOCK);
        assertThat(packed.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(packed.failureReason()).isEqualTo("changed my mind");
    }
}
