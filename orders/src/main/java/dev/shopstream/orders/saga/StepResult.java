package dev.shopstream.orders.saga;

import java.time.Instant;
import java.util.UUID;

/** What one attempt of a saga step came to. */
public sealed interface StepResult {

    /** Why, for the saga's log and, when the order ends because of it, the order. */
    String detail();

    /**
     * The step did what it should; {@code paymentId} when it learnt it, {@code amountMinor} what a capture took or a
     * refund gave back.
     */
    record Done(String detail, UUID paymentId, long amountMinor) implements StepResult {

        static Done plain(String detail) {
            return new Done(detail, null, 0);
        }
    }

    /** The other service refused, for good (out of stock, card declined, reservation expired). */
    record Refused(String detail, UUID paymentId) implements StepResult {
    }

    /** No usable answer (unreachable, slow, 5xx): try the step again later. */
    record Unanswered(String detail) implements StepResult {
    }

    /** The customer has to confirm the payment: look again at {@code until} unless an event comes first. */
    record Waiting(String detail, UUID paymentId, Instant until) implements StepResult {
    }
}
