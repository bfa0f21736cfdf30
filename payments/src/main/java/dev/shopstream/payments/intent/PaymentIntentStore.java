package dev.shopstream.payments.intent;

import dev.shopstream.commons.domain.UnknownEntityException;
import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Payment intents and their ledgers, stored with JPA (docs/architecture.md: an aggregate that decides for itself). */
@ApplicationScoped
public class PaymentIntentStore {

    @PersistenceContext(unitName = "payments")
    EntityManager entityManager;

    public void add(PaymentIntent intent) {
        entityManager.persist(intent);
    }

    /** Appends the intent's ledger entries for these movements, keeping their order in the ledger's ids. */
    public void addToLedger(PaymentIntent intent, List<Movement> movements, OffsetDateTime at) {
        for (Movement movement : movements) {
            entityManager.persist(new LedgerEntry(intent, movement, at));
            // One at a time, so the ledger's ids follow the order of the movements.
            entityManager.flush();
        }
    }

    public boolean hasRefund(PaymentIntent intent, String reference) {
        return !entityManager.createQuery("""
                        SELECT e.id FROM LedgerEntry e
                         WHERE e.intentId = :intent AND e.kind = 'refund' AND e.providerReference = :reference""")
                .setParameter("intent", intent.id()).setParameter("reference", reference)
                .getResultList().isEmpty();
    }

    /** The intent, its row locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PaymentIntent locked(UUID id) {
        return lockedIfPresent(id).orElseThrow(() -> new UnknownEntityException("Payment", id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PaymentIntent> lockedIfPresent(UUID id) {
        return Optional.ofNullable(entityManager.find(PaymentIntent.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<PaymentIntent> find(UUID id) {
        return Optional.ofNullable(entityManager.find(PaymentIntent.class, id));
    }

    public Optional<UUID> idByProviderReference(String provider, String reference) {
        return entityManager.createQuery(
                        "SELECT p.id FROM PaymentIntent p WHERE p.provider = :provider AND p.providerReference = :reference",
                        UUID.class)
                .setParameter("provider", provider).setParameter("reference", reference)
                .getResultStream().findFirst();
    }

    public List<LedgerEntry> ledger(UUID id) {
        return entityManager.createQuery(
                        "SELECT e FROM LedgerEntry e WHERE e.intentId = :intent ORDER BY e.id", LedgerEntry.class)
                .setParameter("intent", id).getResultList();
    }

    /** Which intents a staff list shows. */
    public record Filter(Optional<PaymentStatus> status, Optional<String> orderId, Optional<String> customerId) {
    }

    /** Newest first, keyset-paged on the intent's creation sequence. */
    public Page<PaymentIntent> newestFirst(Filter filter, String cursor, int limit) {
        long before = cursor == null ? Long.MAX_VALUE : Cursor.decodeNumber(cursor);
        StringBuilder jpql = new StringBuilder("SELECT p FROM PaymentIntent p WHERE p.seq < :before");
        filter.status().ifPresent(status -> jpql.append(" AND p.status = :status"));
        filter.orderId().ifPresent(orderId -> jpql.append(" AND p.orderId = :orderId"));
        filter.customerId().ifPresent(customerId -> jpql.append(" AND p.customerId = :customerId"));
        TypedQuery<PaymentIntent> query = entityManager.createQuery(jpql.append(" ORDER BY p.seq DESC").toString(),
                PaymentIntent.class).setParameter("before", before).setMaxResults(limit + 1);
        filter.status().ifPresent(status -> query.setParameter("status", status.code()));
        filter.orderId().ifPresent(orderId -> query.setParameter("orderId", orderId));
        filter.customerId().ifPresent(customerId -> query.setParameter("customerId", customerId));
        return Page.of(query.getResultList(), limit, intent -> Cursor.of(Long.toString(intent.seq())));
    }

    /**
     * Takes up to {@code batch} intents left unknown for longer than {@code grace}, and leases them for another
     * {@code grace} (their updated_at moves on) so that other replicas leave them alone meanwhile.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> leaseUnknown(Duration grace, int batch) {
        List<Object> ids = entityManager.createNativeQuery("""
                        UPDATE payment_intent SET updated_at = now(), version = version + 1
                         WHERE id IN (SELECT id FROM payment_intent
                                       WHERE status = 'unknown' AND updated_at < now() - make_interval(secs => ?)
                                       ORDER BY updated_at LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .setParameter(1, grace.toMillis() / 1000.0).setParameter(2, batch).getResultList();
        List<UUID> leased = new ArrayList<>();
        ids.forEach(id -> leased.add(id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())));
        return leased;
    }
}
