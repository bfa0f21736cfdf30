package dev.shopstream.orders.saga;

import dev.shopstream.commons.inbox.EventHandler;
import dev.shopstream.commons.inbox.InboxConsumer;
import dev.shopstream.commons.inbox.ReceivedEvent;
import dev.shopstream.orders.order.Order;
import dev.shopstream.orders.order.OrderStatus;
import dev.shopstream.orders.order.OrderStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/**
 * Hears from payments ({@code payment.events}, once each through the inbox) how payments that orders waits for
 * ended: a saga awaiting the customer's confirmation is made due at once, so it moves on without waiting for its
 * deadline; an authorization that arrives for an order that has already given up (payments answered too late) is
 * voided, so no money stays held for an order that will not ship.
 */
@ApplicationScoped
public class PaymentOutcomes {

    static final String CONSUMER = "orders.payment-outcomes";
    private static final String PREFIX = "dev.shopstream.payments.payment.";
    private static final Logger LOG = Logger.getLogger(PaymentOutcomes.class.getName());

    @Inject
    InboxConsumer consumer;

    @Inject
    OrderStore orders;

    @Inject
    SagaStore sagas;

    private final Clock clock = Clock.systemUTC();

    @Incoming("payment-events")
    public CompletionStage<Void> onPaymentEvent(Message<String> message) {
        EventHandler moved = this::paymentMoved;
        return consumer.consume(CONSUMER, message, Map.of(PREFIX + "authorized", moved, PREFIX + "failed", moved,
                PREFIX + "captured", moved));
    }

    private void paymentMoved(ReceivedEvent event) {
        Optional<Order> found = orderOf(event.requiredString("orderId")).flatMap(orders::locked);
        if (found.isEmpty()) {
            return;
        }
        Order order = found.get();
        UUID paymentId = UUID.fromString(event.requiredString("paymentId"));
        if (sagas.dueNow(order.id())) {
            return;
        }
        boolean gaveUp = order.status() == OrderStatus.PAYMENT_FAILED || order.status() == OrderStatus.REJECTED;
        if (gaveUp && "requires_capture".equals(event.requiredString("status"))) {
            if (order.paymentId() == null) {
                order.paidWith(paymentId, clock);
            }
            if (paymentId.equals(order.paymentId())) {
                LOG.info(() -> "Payment " + paymentId + " was authorized after order " + order.id() + " ended "
                        + order.status().code() + "; voiding it");
                sagas.compensate(order.id(), List.of(SagaStep.VOID_PAYMENT), null, "Authorized too late");
            }
        }
    }

    /** Orders' ids are UUIDs; another order id (a payment made by someone else) is none of ours. */
    private static Optional<UUID> orderOf(String orderId) {
        try {
            return Optional.of(UUID.fromString(orderId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
