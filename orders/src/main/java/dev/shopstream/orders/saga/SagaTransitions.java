package dev.shopstream.orders.saga;

import dev.shopstream.commons.domain.UnknownEntityException;
import dev.shopstream.orders.order.Order;
import dev.shopstream.orders.order.OrderAnnouncements;
import dev.shopstream.orders.order.OrderStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records what an attempt of a step came to and moves the saga on, in one transaction with the order's row locked:
 * the log entry's outcome, the order's new status and its event, and the next step. So a crash before the commit
 * repeats the step (harmless: every step is idempotent), and one after it goes on from the next.
 */
@ApplicationScoped
public class SagaTransitions {

    @Inject
    SagaStore store;

    @Inject
    OrderStore orders;

    @Inject
    OrderAnnouncements announcements;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "shopstream.orders.saga.max-attempts", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "shopstream.orders.saga.initial-backoff", defaultValue = "PT1S")
    Duration initialBackoff;

    @Inject
    @ConfigProperty(name = "shopstream.orders.saga.max-backoff", defaultValue = "PT60S")
    Duration maxBackoff;

    private final Clock clock = Clock.systemUTC();
    private SagaPlan plan;

    @PostConstruct
    void plan() {
        plan = new SagaPlan(maxAttempts, initialBackoff, maxBackoff);
    }

    /**
     * The order as it is now, for a step to work on: read in a transaction of its own, since outside one Liberty
     * keeps one persistence context for the whole drive, which would hand later steps the order the first one saw.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Order current(UUID orderId) {
        return orders.find(orderId).orElseThrow(() -> new UnknownEntityException("Order", orderId));
    }

    /** Returns the next step's claim when it is due at once (this replica keeps the lease and runs it). */
    @Transactional
    public Optional<SagaStore.Claim> record(SagaStore.Claim claim, int attempt, long entryId, StepResult result) {
        Order order = orders.locked(claim.orderId())
                .orElseThrow(() -> new UnknownEntityException("Order", claim.orderId()));
        store.finished(entryId, outcomeOf(result), result.detail());
        paymentOf(result).filter(id -> order.paymentId() == null).ifPresent(id -> order.paidWith(id, clock));
        if (claim.step() == SagaStep.REFUND_PAYMENT && result instanceof StepResult.Done done
                && done.amountMinor() > 0) {
            order.refunded(done.amountMinor(), clock);
            announcements.refunded(order);
        }
        SagaPlan.Decision decision = plan.after(claim.step(), result, attempt, claim.then(), claim.outcome(),
                claim.reason());
        Instant now = Instant.now();
        if (decision instanceof SagaPlan.Next next) {
            store.moveOn(order.id(), next.step(), now, 0, null, List.of(), null, null, true);
            return Optional.of(new SagaStore.Claim(order.id(), next.step(), 0, null, List.of(), null, null));
        }
        if (decision instanceof SagaPlan.Compensate compensate) {
            List<SagaStep> then = compensate.steps().subList(1, compensate.steps().size());
            store.moveOn(order.id(), compensate.steps().get(0), now, 0, null, then, compensate.outcome(),
                    compensate.reason(), true);
            return Optional.of(new SagaStore.Claim(order.id(), compensate.steps().get(0), 0, null, then,
                    compensate.outcome(), compensate.reason()));
        }
        if (decision instanceof SagaPlan.Retry retry) {
            store.moveOn(order.id(), claim.step(), now.plus(retry.delay()), attempt, claim.deadline(), claim.then(),
                    claim.outcome(), claim.reason(), false);
        } else if (decision instanceof SagaPlan.Await await) {
            Instant deadline = claim.deadline() == null ? await.until() : claim.deadline();
            store.moveOn(order.id(), SagaStep.AWAIT_PAYMENT, deadline, 0, deadline, List.of(), null, null, false);
        } else if (decision instanceof SagaPlan.Finish finish) {
            finish(order, finish, result);
            store.moveOn(order.id(), null, null, 0, null, List.of(), null, null, false);
        }
        return Optional.empty();
    }

    private void finish(Order order, SagaPlan.Finish finish, StepResult result) {
        if (finish.status() == null) {
            return;
        }
        switch (finish.status()) {
            case CONFIRMED -> order.confirm(((StepResult.Done) result).amountMinor(), clock);
            case REJECTED -> order.reject(finish.reason(), clock);
            case PAYMENT_FAILED -> order.failPayment(finish.reason(), clock);
            default -> throw new IllegalStateException("A saga does not end as " + finish.status());
        }
        announcements.statusReached(order);
        metrics.counter("orders.checkouts", new Tag("outcome", finish.status().code())).inc();
    }

    private static String outcomeOf(StepResult result) {
        if (result instanceof StepResult.Done) {
            return "done";
        }
        if (result instanceof StepResult.Refused) {
            return "refused";
        }
        return result instanceof StepResult.Waiting ? "waiting" : "unanswered";
    }

    private static Optional<UUID> paymentOf(StepResult result) {
        if (result instanceof StepResult.Done done) {
            return Optional.ofNullable(done.paymentId());
        }
        if (result instanceof StepResult.Refused refused) {
            return Optional.ofNullable(refused.paymentId());
        }
        return result instanceof StepResult.Waiting waiting ? Optional.ofNullable(waiting.paymentId())
                : Optional.empty();
    }
}
