package dev.shopstream.commons.db;

import dev.shopstream.commons.domain.StaleVersionException;
import dev.shopstream.commons.domain.StateConflictException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

/**
 * Flushes pending changes inside the transaction, so that the database's verdicts become problems the client
 * understands: a unique value already taken is a 409, a concurrent change caught by {@code @Version} a 412.
 */
public final class Flush {

    private Flush() {
    }

    /** @param duplicateDetail what to tell the client when a unique constraint refuses the change */
    public static void refusingDuplicates(EntityManager entityManager, String duplicateDetail) {
        try {
            entityManager.flush();
        } catch (OptimisticLockException e) {
            throw new StaleVersionException("The resource was changed concurrently; read it again.");
        } catch (PersistenceException e) {
            if (UniqueViolation.isCauseOf(e)) {
                throw new StateConflictException(duplicateDetail);
            }
            throw e;
        }
    }
}
