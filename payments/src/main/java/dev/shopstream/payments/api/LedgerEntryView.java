package dev.shopstream.payments.api;

import dev.shopstream.payments.intent.LedgerEntry;

import java.time.OffsetDateTime;

/** One ledger row as staff read it. */
public record LedgerEntryView(long id, String kind, long amountMinor, String currency, String providerReference,
                              String reason, OffsetDateTime createdAt) {

    static LedgerEntryView of(LedgerEntry entry) {
        return new LedgerEntryView(entry.id(), entry.kind().code(), entry.amountMinor(), entry.currency(),
                entry.providerReference(), entry.reason(), entry.createdAt());
    }
}
