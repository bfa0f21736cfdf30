package dev.shopstream.orders.order;

import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Orders, stored with JPA (docs/architecture.md: an aggregate that decides for itself). */
@ApplicationScoped
public class OrderStore {

    @PersistenceContext(unitName = "orders")
    EntityManager entityManager;

    /** Adds the order and writes it at once, so that the saga's SQL in the same transaction finds its row. */
    public void add(Order order) {
        entityManager.persist(order);
        entityManager.flush();
    }

    public Optional<Order> find(UUID id) {
        return Optional.ofNullable(entityManager.find(Order.class, id));
    }

    /** The order, its row locked until the transaction ends. */
    public Optional<Order> locked(UUID id) {
        return Optional.ofNullable(entityManager.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Which orders a list shows; every filter is optional. */
    public record Filter(Optional<String> customerId, Optional<OrderStatus> status, Optional<OffsetDateTime> from,
                         Optional<OffsetDateTime> to, Optional<Long> minTotalMinor, Optional<Long> maxTotalMinor) {

        public static Filter ofCustomer(String customerId) {
            return new Filter(Optional.of(customerId), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
    }

    /** Newest first, keyset-paged on the order's creation sequence. */
    public Page<Order> newestFirst(Filter filter, String cursor, int limit) {
        long before = cursor == null ? Long.MAX_VALUE : Cursor.decodeNumber(cursor);
        StringBuilder jpql = new StringBuilder("SELECT o FROM Order o WHERE o.seq < :before");
        filter.customerId().ifPresent(value -> jpql.append(" AND o.customerId = :customerId"));
        filter.status().ifPresent(value -> jpql.append(" AND o.status = :status"));
        filter.from().ifPresent(value -> jpql.append(" AND o.createdAt >= :from"));
        filter.to().ifPresent(value -> jpql.append(" AND o.createdAt < :to"));
        filter.minTotalMinor().ifPresent(value -> jpql.append(" AND o.totalMinor >= :minTotal"));
        filter.maxTotalMinor().ifPresent(value -> jpql.append(" AND o.totalMinor <= :maxTotal"));
        TypedQuery<Order> query = entityManager.createQuery(jpql.append(" ORDER BY o.seq DESC").toString(), Order.class)
                .setParameter("before", before).setMaxResults(limit + 1);
        filter.customerId().ifPresent(value -> query.setParameter("customerId", value));
        filter.status().ifPresent(value -> query.setParameter("status", value.name()));
        filter.from().ifPresent(value -> query.setParameter("from", value));
        filter.to().ifPresent(value -> query.setParameter("to", value));
        filter.minTotalMinor().ifPresent(value -> query.setParameter("minTotal", value));
        filter.maxTotalMinor().ifPresent(value -> query.setParameter("maxTotal", value));
        return Page.of(query.getResultList(), limit, order -> Cursor.of(Long.toString(order.seq())));
    }
}
