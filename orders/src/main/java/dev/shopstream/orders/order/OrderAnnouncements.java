package dev.shopstream.orders.order;

import dev.shopstream.commons.outbox.Outbox;
import dev.shopstream.orders.events.OrderEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/** Writes an order's change to the outbox ({@code order.lifecycle}), in the transaction that made it. */
@ApplicationScoped
public class OrderAnnouncements {

    private static final Map<OrderStatus, String> BY_STATUS = Map.of(
            OrderStatus.PENDING, OrderEvents.CREATED,
            OrderStatus.CONFIRMED, OrderEvents.CONFIRMED,
            OrderStatus.REJECTED, OrderEvents.REJECTED,
            OrderStatus.PAYMENT_FAILED, OrderEvents.PAYMENT_FAILED,
            OrderStatus.CANCELLED, OrderEvents.CANCELLED,
            OrderStatus.PACKED, OrderEvents.PACKED,
            OrderStatus.SHIPPED, OrderEvents.SHIPPED,
            OrderStatus.DELIVERED, OrderEvents.DELIVERED);

    @Inject
    Outbox outbox;

    /** Announces the status the order has just reached (a new order's is {@code created}). */
    public void statusReached(Order order) {
        announce(BY_STATUS.get(order.status()), order);
    }

    public void refunded(Order order) {
        announce(OrderEvents.REFUNDED, order);
    }

    private void announce(String type, Order order) {
        outbox.add(OrderEvents.TOPIC, type, order.id().toString(), new OrderEvents.OrderChanged(order.id(),
                order.customerId(), order.status().code(), order.currency(), order.totalMinor(),
                order.capturedMinor(), order.refundedMinor(), order.lines().stream()
                        .map(line -> new OrderEvents.Line(line.sku(), line.productName(), line.quantity(),
                                line.unitPriceMinor())).toList(),
                order.failureReason(), order.carrier(), order.trackingNumber(), order.updatedAt()));
    }
}
