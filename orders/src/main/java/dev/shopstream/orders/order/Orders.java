package dev.shopstream.orders.order;

import dev.shopstream.commons.domain.UnknownEntityException;
import dev.shopstream.commons.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** Reading orders: a customer reads only their own (another's is unknown to them, 404), staff read any. */
@ApplicationScoped
public class Orders {

    @Inject
    OrderStore store;

    public Order ofCustomer(UUID orderId, String customerId) {
        return store.find(orderId).filter(order -> order.customerId().equals(customerId))
                .orElseThrow(() -> new UnknownEntityException("Order", orderId));
    }

    public Order any(UUID orderId) {
        return store.find(orderId).orElseThrow(() -> new UnknownEntityException("Order", orderId));
    }

    public Page<Order> newestFirst(OrderStore.Filter filter, String cursor, int limit) {
        return store.newestFirst(filter, cursor, limit);
    }
}
