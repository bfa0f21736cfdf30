package dev.shopstream.orders.saga;

import dev.shopstream.orders.order.OrderStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The saga's state machine: after each attempt of a step, what comes next. It is a pure function of the step, its
 * result and the attempt, so every path is unit-tested; {@link OrderSaga} carries the decisions out.
 * <pre>
 * RESERVE_STOCK ─ok→ AUTHORIZE_PAYMENT ─ok→ COMMIT_STOCK ─ok→ CAPTURE_PAYMENT ─ok→ CONFIRMED
 *      │ refused: REJECTED    │ requires action → AWAIT_PAYMENT ─ok→ COMMIT_STOCK
 *      │ gave up: RELEASE_STOCK → REJECTED
 *                             │ declined (or gave up): RELEASE_STOCK → PAYMENT_FAILED
 *                             AWAIT_PAYMENT timed out or failed: VOID_PAYMENT → RELEASE_STOCK → PAYMENT_FAILED
 *                             COMMIT_STOCK refused (reservation ran out): VOID_PAYMENT → RELEASE_STOCK → REJECTED
 *                             CAPTURE_PAYMENT refused: VOID_PAYMENT → RESTOCK → PAYMENT_FAILED
 * </pre>
 * Without an answer a step is tried again with exponential backoff; a forward step gives up after
 * {@code maxAttempts} and compensates as if refused, a compensating step never gives up.
 */
public final class SagaPlan {

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    public SagaPlan(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** What to do after an attempt of a step. */
    public sealed interface Decision {
    }

    /** Run {@code step} now. */
    public record Next(SagaStep step) implements Decision {
    }

    /** Run the same step again after {@code delay}. */
    public record Retry(Duration delay) implements Decision {
    }

    /** Await the payment's outcome until {@code until}; an event about the payment looks sooner. */
    public record Await(Instant until) implements Decision {
    }

    /**
     * Undo what was done, running {@code steps} in order, then end as {@code outcome} because of {@code reason}
     * ({@code outcome} null: the order's status already says how it ended, as a cancellation does).
     */
    public record Compensate(List<SagaStep> steps, OrderStatus outcome, String reason) implements Decision {
    }

    /** The saga is over; the order becomes {@code status} (null: it stays as it is). */
    public record Finish(OrderStatus status, String reason) implements Decision {
    }

    /**
     * @param then the compensating steps still to run after {@code step}, when it is one
     * @param outcome what the compensation ends in, when it is one
     */
    public Decision after(SagaStep step, StepResult result, int attempt, List<SagaStep> then, OrderStatus outcome,
                          String reason) {
        if (step.compensates()) {
            if (result instanceof StepResult.Unanswered) {
                return new Retry(backoff(attempt));
            }
            return then.isEmpty() ? new Finish(outcome, reason) : new Compensate(then, outcome, reason);
        }
        if (result instanceof StepResult.Unanswered unanswered) {
            return attempt < maxAttempts ? new Retry(backoff(attempt))
                    : failed(step, "Gave up after " + attempt + " attempts: " + unanswered.detail());
        }
        if (result instanceof StepResult.Refused refused) {
            // A refused reservation holds nothing (all lines or none): there is nothing to give back.
            return step == SagaStep.RESERVE_STOCK ? new Finish(OrderStatus.REJECTED, refused.detail())
                    : failed(step, refused.detail());
        }
        if (result instanceof StepResult.Waiting waiting) {
            return new Await(waiting.until());
        }
        return switch (step) {
            case RESERVE_STOCK -> new Next(SagaStep.AUTHORIZE_PAYMENT);
            case AUTHORIZE_PAYMENT, AWAIT_PAYMENT -> new Next(SagaStep.COMMIT_STOCK);
            case COMMIT_STOCK -> new Next(SagaStep.CAPTURE_PAYMENT);
            case CAPTURE_PAYMENT -> new Finish(OrderStatus.CONFIRMED, null);
            default -> throw new IllegalArgumentException(step + " compensates");
        };
    }

    /** How a forward step that failed for good is undone, and what the order ends as. */
    private static Decision failed(SagaStep step, String reason) {
        return switch (step) {
            case RESERVE_STOCK -> new Compensate(List.of(SagaStep.RELEASE_STOCK), OrderStatus.REJECTED, reason);
            case AUTHORIZE_PAYMENT ->
                    new Compensate(List.of(SagaStep.RELEASE_STOCK), OrderStatus.PAYMENT_FAILED, reason);
            case AWAIT_PAYMENT -> new Compensate(List.of(SagaStep.VOID_PAYMENT, SagaStep.RELEASE_STOCK),
                    OrderStatus.PAYMENT_FAILED, reason);
            case COMMIT_STOCK -> new Compensate(List.of(SagaStep.VOID_PAYMENT, SagaStep.RELEASE_STOCK),
                    OrderStatus.REJECTED, reason);
            case CAPTURE_PAYMENT -> new Compensate(List.of(SagaStep.VOID_PAYMENT, SagaStep.RESTOCK),
                    OrderStatus.PAYMENT_FAILED, reason);
            default -> throw new IllegalArgumentException(step + " compensates");
        };
    }

    /** Doubles from the initial backoff with each attempt, up to the maximum. */
    Duration backoff(int attempt) {
        Duration delay = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
