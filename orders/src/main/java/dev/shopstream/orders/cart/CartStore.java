package dev.shopstream.orders.cart;

import dev.shopstream.commons.db.Flush;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Carts, stored with JPA. */
@ApplicationScoped
public class CartStore {

    @PersistenceContext(unitName = "orders")
    EntityManager entityManager;

    public Optional<Cart> find(String customerId) {
        return Optional.ofNullable(entityManager.find(Cart.class, customerId));
    }

    /** The customer's cart, its row locked until the transaction ends, so concurrent changes apply one by one. */
    public Optional<Cart> locked(String customerId) {
        return Optional.ofNullable(entityManager.find(Cart.class, customerId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Writes the cart; of two first carts of one customer made at once, the second is a conflict, to be retried. */
    public void save(Cart cart) {
        if (!entityManager.contains(cart)) {
            entityManager.persist(cart);
        }
        Flush.refusingDuplicates(entityManager, "The cart was created by another request at the same time; retry.");
    }
}
