package dev.shopstream.catalog.product;

import dev.shopstream.commons.money.Money;
import dev.shopstream.commons.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creates and finds products; each change and its event commit together. */
@ApplicationScoped
public class ProductCatalog {

    @PersistenceContext(unitName = "catalog")
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    private final Clock clock = Clock.systemUTC();

    @Transactional
    public Product create(String name, String description, Money price) {
        Product product = Product.create(name, description, price, clock);
        entityManager.persist(product);
        outbox.add(ProductEvents.TOPIC, ProductEvents.CREATED, product.id().toString(),
                ProductEvents.ProductCreated.of(product));
        return product;
    }

    public Optional<Product> find(UUID id) {
        return Optional.ofNullable(entityManager.find(Product.class, id));
    }

    /** Products newest first, after the given position (exclusive) when there is one. */
    public List<Product> newestFirst(Optional<Position> after, int limit) {
        var query = after.isEmpty()
                ? entityManager.createQuery("SELECT p FROM Product p ORDER BY p.createdAt DESC, p.id DESC", Product.class)
                : entityManager.createQuery("""
                        SELECT p FROM Product p
                         WHERE p.createdAt < :createdAt OR (p.createdAt = :createdAt AND p.id < :id)
                         ORDER BY p.createdAt DESC, p.id DESC""", Product.class)
                .setParameter("createdAt", after.get().createdAt())
                .setParameter("id", after.get().id());
        return query.setMaxResults(limit).getResultList();
    }

    /** A product's place in the newest-first order. */
    public record Position(OffsetDateTime createdAt, UUID id) {
    }
}
