package dev.shopstream.payments.invoice;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.UUID;

/**
 * What an invoice (for a capture) or a credit note (for a refund) states. Its number derives from the ledger entry
 * it documents, so the same document is produced every time it is downloaded.
 */
public record InvoiceDocument(Kind kind, String number, OffsetDateTime issuedAt, UUID paymentId, String orderId,
                              String customerId, long amountMinor, String currency, String providerReference,
                              String reason) {

    public enum Kind {
        INVOICE("Invoice", "INV-"), CREDIT_NOTE("Credit note", "CN-");

        private final String title;
        private final String prefix;

        Kind(String title, String prefix) {
            this.title = title;
            this.prefix = prefix;
        }

        public String title() {
            return title;
        }

        String numberFor(long ledgerEntryId) {
            return prefix + String.format("%08d", ledgerEntryId);
        }
    }

    /** The amount in major units, e.g. {@code 49.90 EUR} for 4990 minor units. */
    public String formattedAmount() {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(amountMinor, digits).toPlainString() + " " + currency;
    }

    public String fileName() {
        return number + ".pdf";
    }
}
