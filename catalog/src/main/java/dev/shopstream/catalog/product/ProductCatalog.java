package dev.shopstream.catalog.product;

import dev.shopstream.catalog.category.CategoryCatalog;
import dev.shopstream.catalog.consistency.ReadYourWrites;
import dev.shopstream.catalog.events.ProductEvents;
import dev.shopstream.commons.audit.AuditLog;
import dev.shopstream.commons.audit.Changes;
import dev.shopstream.commons.db.Flush;
import dev.shopstream.commons.domain.ExpectedVersion;
import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.commons.domain.StateConflictException;
import dev.shopstream.commons.domain.UnknownEntityException;
import dev.shopstream.commons.outbox.Outbox;
import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Creates, changes, archives and finds products; each change, its event and its audit record commit together. */
@ApplicationScoped
public class ProductCatalog {

    @PersistenceContext(unitName = "catalog")
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    CategoryCatalog categories;

    private final Clock clock = Clock.systemUTC();

    @Transactional
    @ReadYourWrites
    public Product create(ProductDetails details) {
        requireValid(details);
        Product product = Product.create(details, clock);
        entityManager.persist(product);
        flush(details.slug());
        ProductEvents.ProductState state = stateOf(product);
        outbox.add(ProductEvents.TOPIC, ProductEvents.CREATED, product.id().toString(), state);
        audit.record("product.created", "product", product.id(), Changes.between(null, state));
        return product;
    }

    @Transactional
    @ReadYourWrites
    public Product update(UUID id, ExpectedVersion expected, ProductDetails details) {
        Product product = existing(id);
        expected.check(product.version());
        replace(product, details);
        return product;
    }

    /** For bulk imports: creates the product with the details' slug, or replaces the details of the one that has it. */
    @Transactional
    public Imported createOrReplace(ProductDetails details) {
        Optional<Product> existing = entityManager
                .createQuery("SELECT p FROM Product p WHERE p.slug = :slug", Product.class)
                .setParameter("slug", details.slug())
                .getResultStream().findFirst();
        if (existing.isEmpty()) {
            return new Imported(create(details), true);
        }
        replace(existing.get(), details);
        return new Imported(existing.get(), false);
    }

    /** A product an import wrote, and whether the import created it. */
    public record Imported(Product product, boolean created) {
    }

    private void replace(Product product, ProductDetails details) {
        UUID id = product.id();
        if (product.status() == ProductStatus.ARCHIVED) {
            throw new StateConflictException("Product " + id + " is archived and can no longer change.");
        }
        requireValid(details);
        if (product.hasDetails(details)) {
            return;
        }
        ProductEvents.ProductState before = stateOf(product);
        product.update(details, clock);
        flush(details.slug());
        ProductEvents.ProductState after = stateOf(product);
        outbox.add(ProductEvents.TOPIC, ProductEvents.UPDATED, id.toString(), after);
        if (!before.prices().equals(after.prices())) {
            outbox.add(ProductEvents.TOPIC, ProductEvents.PRICE_CHANGED, id.toString(),
                    new ProductEvents.PriceChanged(id, before.prices(), after.prices(), after.updatedAt()));
        }
        audit.record("product.updated", "product", id, Changes.between(before, after));
    }

    @Transactional
    @ReadYourWrites
    public Product archive(UUID id) {
        Product product = existing(id);
        ProductEvents.ProductState before = stateOf(product);
        if (product.archive(clock)) {
            outbox.add(ProductEvents.TOPIC, ProductEvents.ARCHIVED, id.toString(),
                    new ProductEvents.ProductArchived(id, product.updatedAt()));
            audit.record("product.archived", "product", id,
                    Changes.between(before, stateOf(product)));
        }
        return product;
    }

    private Product existing(UUID id) {
        return find(id).orElseThrow(() -> new UnknownEntityException("Product", id));
    }

    public Optional<Product> find(UUID id) {
        return Optional.ofNullable(entityManager.find(Product.class, id));
    }

    /** Which products a list shows: with one status, below one category (sub-categories included), or all. */
    public record Filter(Optional<ProductStatus> status, Optional<UUID> categoryId) {
    }

    /** One page of products newest first; {@code cursor} is the previous page's next cursor, or null. */
    public Page<Product> newestFirst(Filter filter, String cursor, int limit) {
        Optional<Position> after = Optional.ofNullable(cursor).map(ProductCatalog::positionOf);
        return Page.of(newestFirst(filter, after, limit + 1), limit,
                product -> Cursor.of(product.createdAt().toString(), product.id().toString()));
    }

    private static Position positionOf(String encoded) {
        Cursor cursor = Cursor.decode(encoded, 2);
        try {
            return new Position(OffsetDateTime.parse(cursor.keys().get(0)), UUID.fromString(cursor.keys().get(1)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw Cursor.invalid();
        }
    }

    private List<Product> newestFirst(Filter filter, Optional<Position> after, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT p FROM Product p WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        filter.status().ifPresent(status -> {
            jpql.append(" AND p.status = :status");
            parameters.put("status", status);
        });
        if (filter.categoryId().isPresent()) {
            Set<UUID> subtree = categories.subtreeOf(filter.categoryId().get());
            if (subtree.isEmpty()) {
                return List.of();
            }
            jpql.append(" AND p.categoryId IN :categories");
            parameters.put("categories", List.copyOf(subtree));
        }
        after.ifPresent(position -> {
            jpql.append(" AND (p.createdAt < :createdAt OR (p.createdAt = :createdAt AND p.id < :id))");
            parameters.put("createdAt", position.createdAt());
            parameters.put("id", position.id());
        });
        jpql.append(" ORDER BY p.createdAt DESC, p.id DESC");
        TypedQuery<Product> query = entityManager.createQuery(jpql.toString(), Product.class)
                // The page's prices in one more query, not one per product.
                .setHint("eclipselink.batch", "p.prices")
                .setHint("eclipselink.batch.type", "IN");
        parameters.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
    }

    /** A product's place in the newest-first order. */
    private record Position(OffsetDateTime createdAt, UUID id) {
    }

    private void requireValid(ProductDetails details) {
        details.requireSettable();
        if (details.categoryId() != null && !categories.isLive(details.categoryId())) {
            throw new RuleViolationException("Category " + details.categoryId() + " does not exist or is archived.");
        }
    }

    private void flush(String slug) {
        Flush.refusingDuplicates(entityManager, "The slug '" + slug + "' is already used by another product.");
    }

    private static ProductEvents.ProductState stateOf(Product product) {
        return new ProductEvents.ProductState(product.id(), product.slug(), product.status().name(),
                product.categoryId(), product.name(), product.description(), product.prices(), product.attributes(),
                product.imageUrls(), product.createdAt(), product.updatedAt());
    }
}
