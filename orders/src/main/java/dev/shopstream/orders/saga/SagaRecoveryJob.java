package dev.shopstream.orders.saga;

import dev.shopstream.commons.scheduling.FixedDelayJob;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code shopstream.orders.saga.recovery-interval}, takes up the sagas that are due and that no replica
 * drives: steps whose backoff or payment deadline has come, payments an event said had moved on, and the sagas of a
 * replica that died (their lease ran out). It claims them with {@code FOR UPDATE SKIP LOCKED}, so replicas share the
 * work and never drive one saga twice. It also counts the stuck sagas for the {@code orders_sagas_stuck} gauge.
 */
@ApplicationScoped
public class SagaRecoveryJob extends FixedDelayJob {

    private static final Logger LOG = Logger.getLogger(SagaRecoveryJob.class.getName());
    private static final int BATCH = 20;

    /** Sagas that tried their step this often, or whose order is older than this, are stuck (the staff list too). */
    public static final int STUCK_ATTEMPTS = 3;
    public static final int STUCK_AGE_MINUTES = 5;
    public static final Duration STUCK_AGE = Duration.ofMinutes(STUCK_AGE_MINUTES);

    @Inject
    SagaStore store;

    @Inject
    OrderSaga saga;

    @Inject
    @ConfigProperty(name = "shopstream.orders.saga.recovery-interval", defaultValue = "PT1S")
    Duration interval;

    @Inject
    @ConfigProperty(name = "shopstream.orders.saga.lease", defaultValue = "PT30S")
    Duration lease;

    @Override
    protected Duration delay() {
        return interval;
    }

    @Inject
    MetricRegistry metrics;

    private volatile int stuck;

    @PostConstruct
    void gauge() {
        metrics.gauge("orders.sagas.stuck", () -> stuck);
    }

    @Override
    protected void run() {
        inBatches(BATCH, size -> store.claimDue(size, lease), saga::driveClaimed);
        stuck = store.countStuck(STUCK_ATTEMPTS, STUCK_AGE);
    }

    @Override
    protected void failed(Exception cause) {
        LOG.log(Level.WARNING, "Could not take up due sagas; will try again", cause);
    }
}
