package dev.shopstream.payments.intent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored {@link PendingOperation}s: written when a provider answer is lost, deleted once it is settled. */
@ApplicationScoped
public class PendingOperations {

    private static final String COLUMNS =
            "id, intent_id, operation, idempotency_key, amount_minor, reason, created_at";

    @PersistenceContext(unitName = "payments")
    EntityManager entityManager;

    /** Records the operation, once per provider key: a retry that times out again keeps the first record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(PendingOperation operation) {
        entityManager.createNativeQuery("""
                        INSERT INTO pending_provider_operation (intent_id, operation, idempotency_key, amount_minor, reason)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING""")
                .setParameter(1, operation.intentId()).setParameter(2, operation.kind().code())
                .setParameter(3, operation.idempotencyKey()).setParameter(4, operation.amountMinor())
                .setParameter(5, operation.reason())
                .executeUpdate();
    }

    /** The provider has answered under this key: nothing is pending for it any more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settled(String idempotencyKey) {
        entityManager.createNativeQuery("DELETE FROM pending_provider_operation WHERE idempotency_key = ?")
                .setParameter(1, idempotencyKey).executeUpdate();
    }

    /** The operations of one payment still waiting to be settled, oldest first. */
    public List<PendingOperation> of(UUID intentId) {
        return rows(entityManager.createNativeQuery("SELECT " + COLUMNS
                        + " FROM pending_provider_operation WHERE intent_id = ? ORDER BY id")
                .setParameter(1, intentId).getResultList());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PendingOperation> find(long id) {
        return rows(entityManager.createNativeQuery("SELECT " + COLUMNS
                        + " FROM pending_provider_operation WHERE id = ?")
                .setParameter(1, id).getResultList()).stream().findFirst();
    }

    /**
     * Takes up to {@code batch} operations pending for longer than {@code grace}, and leases them for another
     * {@code grace}, so that other replicas leave them alone meanwhile.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Long> leaseDue(Duration grace, int batch) {
        List<Object> ids = entityManager.createNativeQuery("""
                        UPDATE pending_provider_operation SET updated_at = now()
                         WHERE id IN (SELECT id FROM pending_provider_operation
                                       WHERE updated_at < now() - make_interval(secs => ?)
                                       ORDER BY updated_at LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .setParameter(1, grace.toMillis() / 1000.0).setParameter(2, batch).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<PendingOperation> rows(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(row -> new PendingOperation(
                ((Number) row[0]).longValue(),
                row[1] instanceof UUID uuid ? uuid : UUID.fromString(row[1].toString()),
                PendingOperation.Kind.of((String) row[2]),
                (String) row[3],
                row[4] == null ? null : ((Number) row[4]).longValue(),
                (String) row[5],
                timestamp(row[6]))).toList();
    }

    private static OffsetDateTime timestamp(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof Timestamp time) {
            return time.toInstant().atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }
}
