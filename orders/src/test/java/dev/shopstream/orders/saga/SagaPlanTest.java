package dev.shopstream.orders.saga;

import dev.shopstream.orders.order.OrderStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SagaPlanTest {

    private final SagaPlan plan = new SagaPlan(3, Duration.ofSeconds(1), Duration.ofSeconds(5));
    private static final StepResult DONE = StepResult.Done.plain("ok");
    private static final StepResult REFUSED = new StepResult.Refused("no", null);
    private static final StepResult UNANSWERED = new StepResult.Unanswered("down");

    private SagaPlan.Decision forward(SagaStep step, StepResult result, int attempt) {
        return plan.after(step, result, attempt, List.of(), null, null);
    }

    @Test
    void theHappyPathRunsEveryForwardStepThenConfirms() {
        assertThat(forward(SagaStep.RESERVE_STOCK, DONE, 1)).isEqualTo(new SagaPlan.Next(SagaStep.AUTHORIZE_PAYMENT));
        assertThat(forward(SagaStep.AUTHORIZE_PAYMENT, DONE, 1)).isEqualTo(new SagaPlan.Next(SagaStep.COMMIT_STOCK));
        assertThat(forward(SagaStep.COMMIT_STOCK, DONE, 1)).isEqualTo(new SagaPlan.Next(SagaStep.CAPTURE_PAYMENT));
        assertThat(forward(SagaStep.CAPTURE_PAYMENT, DONE, 1))
                .isEqualTo(new SagaPlan.Finish(OrderStatus.CONFIRMED, null));
    }

    @Test
    void aRefusedReservationRejectsTheOrderWithNothingToGiveBack() {
        assertThat(forward(SagaStep.RESERVE_STOCK, new StepResult.Refused("Out of stock: A", null), 1))
                .isEqualTo(new SagaPlan.Finish(OrderStatus.REJECTED, "Out of stock: A"));
    }

    @Test
    void aDeclineReleasesTheStockThenFailsThePayment() {
        assertThat(forward(SagaStep.AUTHORIZE_PAYMENT, new StepResult.Refused("card declined", null), 1))
                .isEqualTo(new SagaPlan.Compensate(List.of(SagaStep.RELEASE_STOCK), OrderStatus.PAYMENT_FAILED,
                        "card declined"));
    }

    @Test
    void aPaymentTheCustomerMustConfirmIsAwaitedThenGoesOnOrIsUndone() {
        Instant until = Instant.parse("2026-12-06T10:00:00Z");
        assertThat(forward(SagaStep.AUTHORIZE_PAYMENT, new StepResult.Waiting("requires_action", UUID.randomUUID(),
                until), 1)).isEqualTo(new SagaPlan.Await(until));
        assertThat(forward(SagaStep.AWAIT_PAYMENT, DONE, 1)).isEqualTo(new SagaPlan.Next(SagaStep.COMMIT_STOCK));
        assertThat(forward(SagaStep.AWAIT_PAYMENT, new StepResult.Refused("not confirmed in time", null), 1))
                .isEqualTo(new SagaPlan.Compensate(List.of(SagaStep.VOID_PAYMENT, SagaStep.RELEASE_STOCK),
                        OrderStatus.PAYMENT_FAILED, "not confirmed in time"));
    }

    @Test
    void aFailedCaptureVoidsAndPutsTheSoldStockBack() {
        assertThat(forward(SagaStep.CAPTURE_PAYMENT, REFUSED, 1))
                .isEqualTo(new SagaPlan.Compensate(List.of(SagaStep.VOID_PAYMENT, SagaStep.RESTOCK),
                        OrderStatus.PAYMENT_FAILED, "no"));
        assertThat(forward(SagaStep.COMMIT_STOCK, REFUSED, 1))
                .isEqualTo(new SagaPlan.Compensate(List.of(SagaStep.VOID_PAYMENT, SagaStep.RELEASE_STOCK),
                        OrderStatus.REJECTED, "no"));
    }

    @Test
    void withoutAnAnswerAForwardStepBacksOffThenGivesUpAndCompensates() {
        assertThat(forward(SagaStep.AUTHORIZE_PAYMENT, UNANSWERED, 1)).isEqualTo(new SagaPlan.Retry(Duration.ofSeconds(1)));
        assertThat(forward(SagaStep.AUTHORIZE_PAYMENT, UNANSWERED, 2)).isEqualTo(new SagaPlan.Retry(Duration.ofSeconds(2)));
        assertThat(forward(SagaStep.AUTHORIZE_PAYMENT, UNANSWERED, 3))
                .isEqualTo(new SagaPlan.Compensate(List.of(SagaStep.RELEASE_STOCK), OrderStatus.PAYMENT_FAILED,
                        "Gave up after 3 attempts: down"));
        assertThat(forward(SagaStep.RESERVE_STOCK, UNANSWERED, 3)).isInstanceOfSatisfying(SagaPlan.Compensate.class,
                compensate -> assertThat(compensate.steps()).containsExactly(SagaStep.RELEASE_STOCK));
    }

    @Test
    void aCompensatingStepNeverGivesUpAndEndsAsItWasTold() {
        List<SagaStep> then = List.of(SagaStep.RELEASE_STOCK);
        assertThat(plan.after(SagaStep.VOID_PAYMENT, UNANSWERED, 50, then, OrderStatus.PAYMENT_FAILED, "declined"))
                .isEqualTo(new SagaPlan.Retry(Duration.ofSeconds(5)));
        assertThat(plan.after(SagaStep.VOID_PAYMENT, DONE, 1, then, OrderStatus.PAYMENT_FAILED, "declined"))
                .isEqualTo(new SagaPlan.Compensate(then, OrderStatus.PAYMENT_FAILED, "declined"));
        assertThat(plan.after(SagaStep.RELEASE_STOCK, DONE, 1, List.of(), OrderStatus.PAYMENT_FAILED, "declined"))
                .isEqualTo(new SagaPlan.Finish(OrderStatus.PAYMENT_FAILED, "declined"));
        assertThat(plan.after(SagaStep.RESTOCK, DONE, 1, List.of(), null, "cancelled"))
                .as("a cancellation has already set the status").isEqualTo(new SagaPlan.Finish(null, "cancelled"));
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        assertThat(List.of(1, 2, 3, 4, 40).stream().map(plan::backoff)).containsExactly(Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }
}
