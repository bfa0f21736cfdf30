package dev.shopstream.orders.checkout;

import dev.shopstream.commons.domain.StateConflictException;
import dev.shopstream.orders.cart.CartStore;
import dev.shopstream.orders.cart.PricedCart;
import dev.shopstream.orders.order.Order;
import dev.shopstream.orders.order.OrderAnnouncements;
import dev.shopstream.orders.order.OrderLine;
import dev.shopstream.orders.order.OrderStore;
import dev.shopstream.orders.saga.SagaStep;
import dev.shopstream.orders.saga.SagaStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores a priced order with its saga's first step and its event, and empties the cart it came from. */
@ApplicationScoped
public class OrderPlacement {

    @Inject
    OrderStore orders;

    @Inject
    CartStore carts;

    @Inject
    SagaStore sagas;

    @Inject
    OrderAnnouncements announcements;

    @Inject
    MetricRegistry metrics;

    /** A flat shipping charge per order, in minor units of the order's currency. */
    @Inject
    @ConfigProperty(name = "shopstream.orders.shipping-minor", defaultValue = "0")
    long shippingMinor;

    /** Tax on the goods and shipping, in basis points (1900 = 19 %); 0 when prices include it. */
    @Inject
    @ConfigProperty(name = "shopstream.orders.tax-basis-points", defaultValue = "0")
    long taxBasisPoints;

    private final Clock clock = Clock.systemUTC();

    /**
     * @param cartVersion the version of the cart the order was priced from; when the cart has changed since, the
     *                    customer should look at it again (409)
     */
    @Transactional
    public Order place(Checkout.Request request, PricedCart priced, Optional<Long> cartVersion) {
        cartVersion.ifPresent(version -> carts.locked(request.customerId())
                .filter(cart -> cart.version() == version)
                .orElseThrow(() -> new StateConflictException(
                        "The cart changed while the order was placed; look at it and check out again."))
                .clear(clock));
        List<OrderLine> lines = new ArrayList<>();
        for (PricedCart.Line line : priced.lines()) {
            lines.add(new OrderLine(lines.size() + 1, line.sku(), line.offer().productId(),
                    line.offer().productName(), line.quantity(), line.unitPriceMinor()));
        }
        // Half up, in minor units.
        long tax = (Math.multiplyExact(priced.subtotalMinor() + shippingMinor, taxBasisPoints) + 5_000) / 10_000;
        Order order = Order.place(UUID.randomUUID(), request.customerId(), priced.currency(), lines, shippingMinor,
                tax, request.address(), request.paymentMethodToken(), clock);
        orders.add(order);
        sagas.begin(order.id(), SagaStep.RESERVE_STOCK);
        announcements.statusReached(order);
        metrics.counter("orders.placed").inc();
        return order;
    }
}
