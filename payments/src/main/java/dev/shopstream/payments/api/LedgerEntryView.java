package dev.shopstream.payments.api;

import dev.shopstream.payments.intent.LedgerEntry;
import dev.shopstream.payments.provider.PaymentProvider;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** One ledger row as staff read it. */
@Schema(description = "One movement of money in a payment's append-only ledger")
public record LedgerEntryView(long id,
                              @Schema(enumeration = {"authorize", "capture", "void", "refund"},
                                      description = "void releases the part of the authorization not captured")
                              String kind,
                              long amountMinor,
                              @Schema(maxLength = PaymentRequests.CURRENCY_LENGTH, example = "EUR") String currency,
                              @Schema(maxLength = PaymentProvider.REFERENCE_MAX_LENGTH) String providerReference,
                              @Schema(maxLength = PaymentRequests.REASON_MAX_LENGTH) String reason,
                              OffsetDateTime createdAt) {

    /** One authorization, capture and void each, and the refunds. */
    static final int MAX_ENTRIES = 3 + IntentView.MAX_REFUNDS;

    static LedgerEntryView of(LedgerEntry entry) {
        return new LedgerEntryView(entry.id(), entry.kind().code(), entry.amountMinor(), entry.currency(),
                entry.providerReference(), entry.reason(), entry.createdAt());
    }
}
