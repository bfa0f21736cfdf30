package dev.shopstream.catalog.category;

import dev.shopstream.commons.audit.AuditLog;
import dev.shopstream.commons.audit.Changes;
import dev.shopstream.commons.db.Flush;
import dev.shopstream.commons.domain.ExpectedVersion;
import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.commons.domain.StateConflictException;
import dev.shopstream.commons.domain.UnknownEntityException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Creates, moves and renames categories; every change is audited. */
@ApplicationScoped
public class CategoryCatalog {

    /** The most live (not archived) categories there may be: the public tree lists them all in one answer. */
    public static final int MAX_LIVE_CATEGORIES = 1000;

    /** The advisory lock that makes creations count the live categories one after the other ("SPCATEGO"). */
    private static final long CREATION_LOCK = 0x5350_4341_5445_474FL;

    @PersistenceContext(unitName = "catalog")
    EntityManager entityManager;

    @Inject
    AuditLog audit;

    private final Clock clock = Clock.systemUTC();

    /** What a category looks like to clients and in the audit trail. */
    public record Snapshot(UUID id, String slug, String name, UUID parentId, boolean archived) {
        static Snapshot of(Category category) {
            return new Snapshot(category.id(), category.slug(), category.name(), category.parentId(),
                    category.archived());
        }
    }

    @Transactional
    public Category create(String slug, String name, UUID parentId) {
        requireExistingParent(parentId);
        requireRoomForAnother();
        Category category = new Category(UUID.randomUUID(), slug, name, parentId, now());
        entityManager.persist(category);
        flush(slug);
        audit.record("category.created", "category", category.id(), Changes.between(null, Snapshot.of(category)));
        return category;
    }

    @Transactional
    public Category update(UUID id, ExpectedVersion expected, String slug, String name, UUID parentId) {
        Category category = existing(id);
        expected.check(category.version());
        if (category.archived()) {
            throw new StateConflictException("Category " + id + " is archived and can no longer change.");
        }
        requireExistingParent(parentId);
        if (parentId != null && subtreeOf(id).contains(parentId)) {
            throw new RuleViolationException("A category cannot be moved below itself or one of its sub-categories.");
        }
        Snapshot before = Snapshot.of(category);
        category.change(slug, name, parentId, now());
        flush(slug);
        audit.record("category.updated", "category", id, Changes.between(before, Snapshot.of(category)));
        return category;
    }

    /**
     * Withdraws an empty category from the tree for good: it may hold no live sub-categories and no draft or active
     * products (move or archive them first). Archiving an archived category changes nothing.
     */
    @Transactional
    public Category archive(UUID id) {
        Category category = existing(id);
        if (category.archived()) {
            return category;
        }
        long children = entityManager.createQuery(
                        "SELECT count(c) FROM Category c WHERE c.parentId = :id AND c.archived = false", Long.class)
                .setParameter("id", id).getSingleResult();
        // The product table is read here rather than through the product package, which depends on categories.
        long products = ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM product WHERE category_id = ?1 AND status <> 'ARCHIVED'")
                .setParameter(1, id).getSingleResult()).longValue();
        if (children > 0 || products > 0) {
            throw new StateConflictException("Category " + id + " still holds " + children + " sub-categories and "
                    + products + " products; move or archive them first.");
        }
        Snapshot before = Snapshot.of(category);
        category.archive(now());
        audit.record("category.archived", "category", id, Changes.between(before, Snapshot.of(category)));
        return category;
    }

    private Category existing(UUID id) {
        return find(id).orElseThrow(() -> new UnknownEntityException("Category", id));
    }

    /** A category products can be put in: it exists and is not archived. */
    public boolean isLive(UUID id) {
        return find(id).filter(category -> !category.archived()).isPresent();
    }

    public Optional<Category> find(UUID id) {
        return Optional.ofNullable(entityManager.find(Category.class, id));
    }

    public List<Category> all() {
        return entityManager.createQuery("SELECT c FROM Category c ORDER BY c.name, c.id", Category.class)
                .getResultList();
    }

    /** The category and all its descendants; empty when the category does not exist. */
    public Set<UUID> subtreeOf(UUID id) {
        return find(id).isEmpty() ? Set.of() : new CategoryTree(all()).subtreeOf(id);
    }

    /** Refuses a creation beyond {@link #MAX_LIVE_CATEGORIES}; holds the creation lock until the transaction ends. */
    private void requireRoomForAnother() {
        entityManager.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1)").setParameter(1, CREATION_LOCK)
                .getSingleResult();
        long live = entityManager.createQuery("SELECT count(c) FROM Category c WHERE c.archived = false", Long.class)
                .getSingleResult();
        if (live >= MAX_LIVE_CATEGORIES) {
            throw new StateConflictException("There are already " + MAX_LIVE_CATEGORIES
                    + " live categories; archive one before creating another.");
        }
    }

    private void requireExistingParent(UUID parentId) {
        if (parentId != null && !isLive(parentId)) {
            throw new RuleViolationException("Parent category " + parentId + " does not exist or is archived.");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private void flush(String slug) {
        Flush.refusingDuplicates(entityManager, "The slug '" + slug + "' is already used by another category.");
    }
}
