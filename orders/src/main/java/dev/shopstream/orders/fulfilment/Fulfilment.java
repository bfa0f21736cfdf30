package dev.shopstream.orders.fulfilment;

import dev.shopstream.commons.audit.AuditLog;
import dev.shopstream.commons.audit.Changes;
import dev.shopstream.commons.domain.StateConflictException;
import dev.shopstream.commons.domain.UnknownEntityException;
import dev.shopstream.orders.order.Order;
import dev.shopstream.orders.order.OrderAnnouncements;
import dev.shopstream.orders.order.OrderStore;
import dev.shopstream.orders.payments.Payment;
import dev.shopstream.orders.payments.Payments;
import dev.shopstream.orders.saga.SagaStep;
import dev.shopstream.orders.saga.SagaStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What happens to a confirmed order: staff (or integrators) pack, ship and deliver it; the customer or staff cancel
 * it before it ships, which refunds what was captured and puts the stock back (compensating saga steps); staff
 * refund part of it. Illegal transitions are 409; staff actions go to the audit trail.
 */
@ApplicationScoped
public class Fulfilment {

    @Inject
    OrderStore orders;

    @Inject
    SagaStore sagas;

    @Inject
    Payments payments;

    @Inject
    OrderAnnouncements announcements;

    @Inject
    AuditLog audit;

    private final Clock clock = Clock.systemUTC();

    /**
     * Cancels a confirmed order that has not shipped. The refund and the restock are compensating saga steps, due at
     * once: the recovery job runs them after this commits.
     */
    @Transactional
    public Order cancel(UUID orderId, String reason, boolean byStaff) {
        Order order = locked(orderId);
        String before = order.status().code();
        order.cancel(reason, clock);
        if (!sagas.compensate(orderId, List.of(SagaStep.REFUND_PAYMENT, SagaStep.RESTOCK), null, reason)) {
            throw new StateConflictException("Order " + orderId + " is still being processed; try again shortly.");
        }
        announcements.statusReached(order);
        if (byStaff) {
            audit.record("order.cancelled", "order", orderId, Changes.between(Map.of("status", before),
                    Map.of("status", order.status().code(), "reason", reason)));
        }
        return order;
    }

    @Transactional
    public Order pack(UUID orderId) {
        return staffMove(orderId, "order.packed", order -> order.pack(clock));
    }

    @Transactional
    public Order ship(UUID orderId, String carrier, String trackingNumber) {
        return staffMove(orderId, "order.shipped", order -> order.ship(carrier, trackingNumber, clock));
    }

    @Transactional
    public Order deliver(UUID orderId) {
        return staffMove(orderId, "order.delivered", order -> order.deliver(clock));
    }

    /**
     * Refunds part of what was captured, at most what is still refundable. {@code requestKey} (the caller's
     * Idempotency-Key) names the refund at payments, so a retried request refunds once.
     */
    @Transactional
    public Order refund(UUID orderId, long amountMinor, String reason, String requestKey) {
        Order order = locked(orderId);
        order.requireRefundable(amountMinor);
        Payment refunded = payments.refund(order.paymentId(), orderId.toString(), "refund-" + requestKey,
                amountMinor, order.currency(), reason);
        if (refunded.isRefused()) {
            throw new StateConflictException("payments refused the refund: " + refunded.refusal());
        }
        long before = order.refundedMinor();
        order.refunded(amountMinor, clock);
        announcements.refunded(order);
        audit.record("order.refunded", "order", orderId, Changes.between(Map.of("refundedMinor", before),
                Map.of("refundedMinor", order.refundedMinor(), "reason", reason)));
        return order;
    }

    private Order staffMove(UUID orderId, String action, Consumer<Order> move) {
        Order order = locked(orderId);
        String before = order.status().code();
        move.accept(order);
        announcements.statusReached(order);
        audit.record(action, "order", orderId, Changes.between(Map.of("status", before),
                Map.of("status", order.status().code())));
        return order;
    }

    private Order locked(UUID orderId) {
        return orders.locked(orderId).orElseThrow(() -> new UnknownEntityException("Order", orderId));
    }
}
