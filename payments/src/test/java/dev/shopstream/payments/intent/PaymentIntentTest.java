package dev.shopstream.payments.intent;

import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.commons.domain.StateConflictException;
import dev.shopstream.commons.money.Money;
import dev.shopstream.payments.provider.ProviderCharge.ChargeStatus;
import dev.shopstream.payments.provider.ProviderCharge;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentIntentTest {

    private final Clock clock = Clock.systemUTC();

    private PaymentIntent intent() {
        return PaymentIntent.open("order-1", "sub-carol", Money.of(5000, "EUR"), "pm_card_visa", "sandbox", clock);
    }

    private ProviderCharge charge(PaymentIntent intent, ChargeStatus status, long captured) {
        return new ProviderCharge("ch_1", intent.id().toString(), status, 5000, "EUR", captured, 0,
                status == ChargeStatus.FAILED ? "insufficient_funds" : null);
    }

    private PaymentIntent authorized() {
        PaymentIntent intent = intent();
        intent.catchUpWith(charge(intent, ChargeStatus.AUTHORIZED, 0), clock);
        return intent;
    }

    @Test
    void newIntentAwaitsTheProvider() {
        assertThat(intent().status()).isEqualTo(PaymentStatus.UNKNOWN);
    }

    @Test
    void authorizationHoldsTheWholeAmount() {
        PaymentIntent intent = intent();

        List<Movement> movements = intent.catchUpWith(charge(intent, ChargeStatus.AUTHORIZED, 0), clock);

        assertThat(intent.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
        assertThat(intent.providerReference()).isEqualTo("ch_1");
        assertThat(movements).containsExactly(new Movement(LedgerKind.AUTHORIZE, 5000, "ch_1", null));
    }

    @Test
    void declineFailsWithItsReason() {
        PaymentIntent intent = intent();

        assertThat(intent.catchUpWith(charge(intent, ChargeStatus.FAILED, 0), clock)).isEmpty();

        assertThat(intent.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(intent.failureCode()).isEqualTo("insufficient_funds");
        assertThat(intent.failureMessage()).isEqualTo("The card has insufficient funds.");
    }

    @Test
    void requiredActionThenAuthorization() {
        PaymentIntent intent = intent();
        intent.catchUpWith(charge(intent, ChargeStatus.REQUIRES_ACTION, 0), clock);
        assertThat(intent.status()).isEqualTo(PaymentStatus.REQUIRES_ACTION);

        intent.catchUpWith(charge(intent, ChargeStatus.AUTHORIZED, 0), clock);

        assertThat(intent.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
    }

    @Test
    void partialCaptureReleasesTheRest() {
        PaymentIntent intent = authorized();

        List<Movement> movements = intent.capture(3000, clock);

        assertThat(intent.status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED);
        assertThat(movements).extracting(Movement::kind, Movement::amountMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LedgerKind.CAPTURE, 3000L),
                        org.assertj.core.groups.Tuple.tuple(LedgerKind.VOID, 2000L));
    }

    @Test
    void captureAboveTheAuthorizationIsUnprocessable() {
        assertThatThrownBy(() -> authorized().capturable(5001L, null)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void captureInAnotherCurrencyIsUnprocessable() {
        assertThatThrownBy(() -> authorized().capturable(null, "USD")).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void captureAfterVoidIsAConflict() {
        PaymentIntent intent = authorized();
        intent.cancel(clock);

        assertThat(intent.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThatThrownBy(() -> intent.capturable(null, null)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void captureTwiceIsAConflict() {
        PaymentIntent intent = authorized();
        intent.capture(5000, clock);

        assertThatThrownBy(() -> intent.capturable(null, null)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void voidAfterCaptureIsAConflict() {
        PaymentIntent intent = authorized();
        intent.capture(5000, clock);

        assertThatThrownBy(intent::requireVoidable).isInstanceOf(StateConflictException.class);
    }

    @Test
    void refundsAddUpToTheCapturedAmountAndNoMore() {
        PaymentIntent intent = authorized();
        intent.capture(4000, clock);

        intent.refund(1500, "re_1", "damaged", clock);
        assertThat(intent.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThatThrownBy(() -> intent.requireRefundable(2501, null)).isInstanceOf(RuleViolationException.class);
        intent.refund(2500, "re_2", "returned", clock);

        assertThat(intent.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(intent.refundableMinor()).isZero();
        assertThatThrownBy(() -> intent.requireRefundable(1, null)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void refundBeforeCaptureIsAConflict() {
        assertThatThrownBy(() -> authorized().requireRefundable(100, null)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void lateAuthorizationAfterCaptureChangesNothing() {
        PaymentIntent intent = authorized();
        intent.capture(5000, clock);

        assertThat(intent.catchUpWith(charge(intent, ChargeStatus.AUTHORIZED, 0), clock)).isEmpty();

        assertThat(intent.status()).isEqualTo(PaymentStatus.CAPTURED);
    }

    @Test
    void captureReportedBeforeAuthorizationAppliesBoth() {
        PaymentIntent intent = intent();

        List<Movement> movements = intent.catchUpWith(charge(intent, ChargeStatus.CAPTURED, 5000), clock);

        assertThat(intent.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(movements).extracting(Movement::kind).containsExactly(LedgerKind.AUTHORIZE, LedgerKind.CAPTURE);
    }

    @Test
    void lateFailureAfterAuthorizationChangesNothing() {
        PaymentIntent intent = authorized();

        intent.catchUpWith(charge(intent, ChargeStatus.FAILED, 0), clock);

        assertThat(intent.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
    }

    @Test
    void voidedIntentIgnoresALateAuthorization() {
        PaymentIntent intent = authorized();
        List<Movement> released = intent.cancel(clock);

        assertThat(released).containsExactly(new Movement(LedgerKind.VOID, 5000, "ch_1", null));
        assertThat(intent.catchUpWith(charge(intent, ChargeStatus.AUTHORIZED, 0), clock)).isEmpty();
        assertThat(intent.status()).isEqualTo(PaymentStatus.VOIDED);
    }

    /** Every status against every report: only these pairs move an intent on, and those do change it. */
    @Test
    void onlyReportsNewerThanTheIntentMoveItOn() {
        Map<PaymentStatus, Set<ChargeStatus>> movingReports = Map.of(
                PaymentStatus.UNKNOWN, EnumSet.allOf(ChargeStatus.class),
                PaymentStatus.REQUIRES_ACTION, EnumSet.complementOf(EnumSet.of(ChargeStatus.REQUIRES_ACTION)),
                PaymentStatus.REQUIRES_CAPTURE, EnumSet.of(ChargeStatus.CAPTURED, ChargeStatus.CANCELED));
        for (Supplier<PaymentIntent> state : List.<Supplier<PaymentIntent>>of(this::intent,
                () -> reported(intent(), ChargeStatus.REQUIRES_ACTION), this::authorized,
                () -> reported(intent(), ChargeStatus.FAILED), () -> captured(5000), () -> captured(3000),
                this::voided, () -> refunded(1000), () -> refunded(5000))) {
            for (ChargeStatus report : ChargeStatus.values()) {
                PaymentIntent intent = state.get();
                PaymentStatus before = intent.status();
                boolean expected = movingReports.getOrDefault(before, Set.of()).contains(report);

                assertThat(before.isMovedOnBy(charge(intent, report, 5000))).as(before + " told " + report)
                        .isEqualTo(expected);
                intent.catchUpWith(charge(intent, report, 5000), clock);
                assertThat(intent.status() != before).as(before + " caught up with " + report).isEqualTo(expected);
            }
        }
        assertThat(PaymentStatus.REQUIRES_CAPTURE.isMovedOnBy(charge(intent(), ChargeStatus.CAPTURED, 0)))
                .as("a capture of nothing").isFalse();
    }

    private PaymentIntent reported(PaymentIntent intent, ChargeStatus status) {
        intent.catchUpWith(charge(intent, status, 0), clock);
        return intent;
    }

    private PaymentIntent captured(long amount) {
        PaymentIntent intent = authorized();
        intent.capture(amount, clock);
        return intent;
    }

    private PaymentIntent voided() {
        PaymentIntent intent = authorized();
        intent.cancel(clock);
        return intent;
    }

    private PaymentIntent refunded(long amount) {
        PaymentIntent intent = captured(5000);
        intent.refund(amount, "re_1", null, clock);
        return intent;
    }
}
