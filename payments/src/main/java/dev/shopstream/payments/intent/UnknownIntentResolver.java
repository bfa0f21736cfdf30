package dev.shopstream.payments.intent;

import dev.shopstream.commons.scheduling.FixedDelayJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code shopstream.payments.resolver.interval}, settles what a lost provider answer left open for longer than
 * {@code shopstream.payments.resolver.grace}: intents whose authorization is unknown, and pending captures, voids
 * and refunds ({@link PendingOperation}). Both are leased in the database, so replicas share the work without doing
 * it twice.
 */
@ApplicationScoped
public class UnknownIntentResolver extends FixedDelayJob {

    private static final Logger LOG = Logger.getLogger(UnknownIntentResolver.class.getName());
    private static final int BATCH = 50;

    @Inject
    PaymentIntents intents;

    @Inject
    PaymentIntentStore store;

    @Inject
    Authorizations authorizations;

    @Inject
    PendingOperations pendingOperations;

    @Inject
    @ConfigProperty(name = "shopstream.payments.resolver.interval", defaultValue = "PT10S")
    Duration interval;

    @Inject
    @ConfigProperty(name = "shopstream.payments.resolver.grace", defaultValue = "PT15S")
    Duration grace;

    @Override
    protected Duration delay() {
        return interval;
    }

    @Override
    protected void run() {
        try {
            inBatches(BATCH, size -> store.leaseUnknown(grace, size), authorizations::resolve);
        } catch (RuntimeException e) {
            // Pending operations below still get their turn.
            LOG.log(Level.WARNING, "Could not resolve unknown payments; will try again", e);
        }
        inBatches(BATCH, size -> pendingOperations.leaseDue(grace, size), this::settle);
    }

    @Override
    protected void failed(Exception cause) {
        LOG.log(Level.WARNING, "Could not lease pending provider operations; will try again", cause);
    }

    private void settle(long pendingId) {
        try {
            intents.settle(pendingId);
        } catch (RuntimeException e) {
            // Still no answer (timeout, open circuit) or the database failed: the lease runs out, then again.
            LOG.info(() -> "Pending provider operation " + pendingId + " is not settled yet: " + e);
        }
    }
}
