package dev.shopstream.payments.reconciliation;

import dev.shopstream.payments.intent.PaymentStatus;
import dev.shopstream.payments.provider.ProviderCharge;
import dev.shopstream.payments.provider.ProviderCharge.ChargeStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerComparisonTest {

    private static final UUID ID = UUID.randomUUID();

    private static ProviderCharge charge(ChargeStatus status, long captured, long refunded) {
        return new ProviderCharge("ch_1", ID.toString(), status, 5000, "EUR", captured, refunded, null);
    }

    @Test
    void agreeingBooksHaveNoGaps() {
        List<Gap> gaps = LedgerComparison.compare(
                List.of(new Books(ID, PaymentStatus.PARTIALLY_REFUNDED, 5000, 4000, 1000)),
                List.of(charge(ChargeStatus.CAPTURED, 4000, 1000)));

        assertThat(gaps).isEmpty();
    }

    @Test
    void voidedAndFailedPaymentsAgreeWithCancelledAndFailedCharges() {
        UUID failed = UUID.randomUUID();
        List<Gap> gaps = LedgerComparison.compare(
                List.of(new Books(ID, PaymentStatus.VOIDED, 5000, 0, 0), new Books(failed, PaymentStatus.FAILED, 0, 0, 0)),
                List.of(charge(ChargeStatus.CANCELED, 0, 0), new ProviderCharge("ch_2", failed.toString(),
                        ChargeStatus.FAILED, 100, "EUR", 0, 0, "card_declined")));

        assertThat(gaps).isEmpty();
    }

    @Test
    void chargeWithoutBooksIsMissingInTheLedger() {
        List<Gap> gaps = LedgerComparison.compare(List.of(), List.of(charge(ChargeStatus.CAPTURED, 5000, 0)));

        assertThat(gaps).containsExactly(new Gap(GapKind.MISSING_IN_LEDGER, null, "ch_1", null,
                "status=captured amount=5000 EUR"));
    }

    @Test
    void settledPaymentWithoutChargeIsMissingAtTheProviderButUnknownOnesAreLeftToTheResolver() {
        UUID unknown = UUID.randomUUID();
        List<Gap> gaps = LedgerComparison.compare(List.of(new Books(ID, PaymentStatus.CAPTURED, 5000, 5000, 0),
                new Books(unknown, PaymentStatus.UNKNOWN, 0, 0, 0)), List.of());

        assertThat(gaps).extracting(Gap::kind, Gap::intentId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(GapKind.MISSING_AT_PROVIDER, ID));
    }

    @Test
    void differentCaptureIsAnAmountMismatch() {
        List<Gap> gaps = LedgerComparison.compare(List.of(new Books(ID, PaymentStatus.CAPTURED, 5000, 5000, 0)),
                List.of(charge(ChargeStatus.CAPTURED, 4500, 0)));

        assertThat(gaps).containsExactly(new Gap(GapKind.AMOUNT_MISMATCH, ID, "ch_1", "captured=5000", "captured=4500"));
    }

    @Test
    void differentStateIsAStatusMismatch() {
        List<Gap> gaps = LedgerComparison.compare(List.of(new Books(ID, PaymentStatus.REQUIRES_CAPTURE, 5000, 0, 0)),
                List.of(charge(ChargeStatus.CANCELED, 0, 0)));

        assertThat(gaps).containsExactly(new Gap(GapKind.STATUS_MISMATCH, ID, "ch_1", "status=requires_capture",
                "status=canceled"));
    }
}
