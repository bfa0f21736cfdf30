package dev.shopstream.orders.saga;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives an order's saga: under the saga's lease, for each step, writes that it starts ({@link SagaStore#started}),
 * runs it ({@link SagaSteps}), and records its outcome with the next step ({@link SagaTransitions}), until the saga
 * ends or has to wait (a retry's backoff, a payment the customer must confirm). A new order's saga starts at once
 * after checkout commits; what waits, and what a dead replica left, the {@link SagaRecoveryJob} picks up.
 */
@ApplicationScoped
public class OrderSaga {

    private static final Logger LOG = Logger.getLogger(OrderSaga.class.getName());

    @Inject
    SagaStore store;

    @Inject
    SagaSteps steps;

    @Inject
    SagaTransitions transitions;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "shopstream.orders.saga.lease", defaultValue = "PT30S")
    Duration lease;

    /** Drives the order's saga on another thread, if it is due and no replica holds it. */
    public void driveSoon(UUID orderId) {
        try {
            executor.execute(() -> drive(orderId));
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "No thread for the saga of order " + orderId + "; the recovery job will drive it");
        }
    }

    public void drive(UUID orderId) {
        run(orderId, () -> store.claim(orderId, lease));
    }

    /** Drives a saga whose lease this replica already took ({@link SagaStore#claimDue}). */
    void driveClaimed(UUID orderId) {
        run(orderId, () -> store.held(orderId));
    }

    private void run(UUID orderId, Supplier<Optional<SagaStore.Claim>> claimed) {
        try {
            Optional<SagaStore.Claim> current = claimed.get();
            while (current.isPresent()) {
                SagaStore.Claim claim = current.get();
                int attempt = claim.attempts() + 1;
                long entry = store.started(orderId, claim.step(), attempt);
                current = transitions.record(claim, attempt, entry, steps.run(claim, transitions.current(orderId)));
            }
        } catch (RuntimeException e) {
            // The database failed or the order could not move on: let the lease go, the recovery job tries again.
            LOG.log(Level.WARNING, "The saga of order " + orderId + " stopped; it will be taken up again", e);
            try {
                store.letGo(orderId);
            } catch (RuntimeException again) {
                LOG.log(Level.FINE, "Could not let go of the saga of order " + orderId, again);
            }
        }
    }
}
