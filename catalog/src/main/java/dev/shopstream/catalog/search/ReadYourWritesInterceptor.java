package dev.shopstream.catalog.search;

import dev.shopstream.catalog.consistency.ReadYourWrites;
import dev.shopstream.catalog.inventory.ProductAvailability;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Returns from a {@link ReadYourWrites} write only once what it changed shows everywhere it is read: the products
 * whose stock it made available or unavailable are settled ({@link ProductAvailability}), and this replica's product
 * page cache has heard of the change. So a client that changed a product, its prices or its stock reads the change
 * on its next request (other replicas hear of it milliseconds after the commit).
 * <p>
 * It runs outside the write's transaction (before {@code @Transactional}'s interceptor), so the write has committed
 * when it settles. A write called inside a transaction that is already under way (a CSV import's rows) is left
 * alone: its changes show when that transaction commits, and waiting for them inside it could only stall.
 */
@ReadYourWrites
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ReadYourWritesInterceptor {

    private static final Logger LOG = Logger.getLogger(ReadYourWritesInterceptor.class.getName());

    @Inject
    ProductAvailability availability;

    @Inject
    ProductChangeListener changes;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object settleAfterCommit(InvocationContext invocation) throws Exception {
        if (transactions.getTransactionKey() != null) {
            return invocation.proceed();
        }
        Object result = invocation.proceed();
        try {
            availability.settle();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not settle product availability after a write; the job will", e);
        }
        changes.awaitChangesHeard();
        return result;
    }
}
