package dev.shopstream.payments.reconciliation;

import java.util.UUID;

/** One difference found; the values say what each side has, e.g. {@code captured=5000}. */
public record Gap(GapKind kind, UUID intentId, String providerReference, String ledgerValue, String providerValue) {
}
