package dev.shopstream.admin.payments;

import dev.shopstream.admin.client.payments.model.IntentView;
import dev.shopstream.admin.client.payments.model.LedgerEntryView;
import dev.shopstream.admin.client.payments.model.RefundView;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A PDF that payments issues for a payment: the invoice for its capture, or a credit note for one of its refunds.
 *
 * @param refundId the refund a credit note documents; null for the invoice
 * @param issuedAt when the money moved (the capture's ledger entry, the refund); null when not known
 */
public record PaymentDocument(Kind kind, String refundId, Long amountMinor, OffsetDateTime issuedAt)
        implements Serializable {

    public enum Kind {
        INVOICE("Invoice"), CREDIT_NOTE("Credit note");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The documents payments has for the payment: an invoice once something is captured, a credit note per refund. */
    static List<PaymentDocument> of(IntentView intent, List<LedgerEntryView> ledger) {
        List<PaymentDocument> documents = new ArrayList<>();
        if (intent.getCapturedMinor() != null && intent.getCapturedMinor() > 0) {
            OffsetDateTime captured = ledger.stream()
                    .filter(entry -> entry.getKind() == LedgerEntryView.KindEnum.CAPTURE)
                    .map(LedgerEntryView::getCreatedAt).findFirst().orElse(null);
            documents.add(new PaymentDocument(Kind.INVOICE, null, intent.getCapturedMinor(), captured));
        }
        for (RefundView refund : intent.getRefunds() == null ? List.<RefundView>of() : intent.getRefunds()) {
            documents.add(new PaymentDocument(Kind.CREDIT_NOTE, refund.getRefundId(), refund.getAmountMinor(),
                    refund.getCreatedAt()));
        }
        return documents;
    }

    public boolean isInvoice() {
        return kind == Kind.INVOICE;
    }

    public String getLabel() {
        return kind.label();
    }

    public String getRefundId() {
        return refundId;
    }

    public Long getAmountMinor() {
        return amountMinor;
    }

    public OffsetDateTime getIssuedAt() {
        return issuedAt;
    }
}
