package dev.shopstream.payments.reconciliation;

import dev.shopstream.payments.intent.PaymentStatus;
import dev.shopstream.payments.provider.ProviderCharge;
import dev.shopstream.payments.provider.ProviderCharge.ChargeStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares our books with the provider's charges, matched on the provider idempotency key (our payment id).
 * Payments whose outcome is still unknown are left to the resolver, not reported.
 */
public final class LedgerComparison {

    private LedgerComparison() {
    }

    public static List<Gap> compare(List<Books> ours, List<ProviderCharge> theirs) {
        Map<String, Books> booksById = ours.stream()
                .collect(Collectors.toMap(books -> books.intentId().toString(), Function.identity()));
        List<Gap> gaps = new ArrayList<>();
        for (ProviderCharge charge : theirs) {
            Books books = booksById.remove(charge.idempotencyKey());
            if (books == null) {
                gaps.add(new Gap(GapKind.MISSING_IN_LEDGER, null, charge.reference(), null, describe(charge)));
            } else {
                gaps.addAll(compare(books, charge));
            }
        }
        for (Books books : booksById.values()) {
            if (books.status() != PaymentStatus.UNKNOWN) {
                gaps.add(new Gap(GapKind.MISSING_AT_PROVIDER, books.intentId(), null, describe(books), null));
            }
        }
        return gaps;
    }

    private static List<Gap> compare(Books books, ProviderCharge charge) {
        List<Gap> gaps = new ArrayList<>();
        if (books.status() == PaymentStatus.UNKNOWN) {
            return gaps;
        }
        Optional<ChargeStatus> expected = expectedChargeStatus(books.status());
        if (expected.isPresent() && expected.get() != charge.status()) {
            gaps.add(new Gap(GapKind.STATUS_MISMATCH, books.intentId(), charge.reference(),
                    "status=" + books.status().code(), "status=" + code(charge.status())));
        }
        long authorizedByProvider = charge.status() == ChargeStatus.AUTHORIZED || charge.status() == ChargeStatus.CAPTURED
                ? charge.amountMinor() : books.authorizedMinor();
        mismatch(books, charge, "authorized", books.authorizedMinor(), authorizedByProvider).ifPresent(gaps::add);
        mismatch(books, charge, "captured", books.capturedMinor(), charge.capturedMinor()).ifPresent(gaps::add);
        mismatch(books, charge, "refunded", books.refundedMinor(), charge.refundedMinor()).ifPresent(gaps::add);
        return gaps;
    }

    private static Optional<Gap> mismatch(Books books, ProviderCharge charge, String what, long ledger, long provider) {
        return ledger == provider ? Optional.empty() : Optional.of(new Gap(GapKind.AMOUNT_MISMATCH, books.intentId(),
                charge.reference(), what + "=" + ledger, what + "=" + provider));
    }

    /** The provider state our state implies; absent for states a cancelled or failed charge may have reached. */
    private static Optional<ChargeStatus> expectedChargeStatus(PaymentStatus status) {
        return Optional.ofNullable(switch (status) {
            case REQUIRES_ACTION -> ChargeStatus.REQUIRES_ACTION;
            case REQUIRES_CAPTURE -> ChargeStatus.AUTHORIZED;
            case FAILED -> ChargeStatus.FAILED;
            case CAPTURED, PARTIALLY_CAPTURED, PARTIALLY_REFUNDED, REFUNDED -> ChargeStatus.CAPTURED;
            case VOIDED -> ChargeStatus.CANCELED;
            case UNKNOWN -> null;
        });
    }

    private static String describe(ProviderCharge charge) {
        return "status=" + code(charge.status()) + " amount=" + charge.amountMinor() + " " + charge.currency();
    }

    private static String describe(Books books) {
        return "status=" + books.status().code() + " authorized=" + books.authorizedMinor();
    }

    private static String code(ChargeStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
