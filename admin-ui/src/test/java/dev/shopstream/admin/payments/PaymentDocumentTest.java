package dev.shopstream.admin.payments;

import dev.shopstream.admin.client.payments.model.IntentView;
import dev.shopstream.admin.client.payments.model.LedgerEntryView;
import dev.shopstream.admin.client.payments.model.PaymentStatus;
import dev.shopstream.admin.client.payments.model.RefundView;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentDocumentTest {

    private static final OffsetDateTime CAPTURED = OffsetDateTime.parse("2026-03-02T10:15:00Z");
    private static final OffsetDateTime REFUNDED = OffsetDateTime.parse("2026-03-04T08:00:00Z");

    @Test
    void anAuthorizedPaymentHasNoDocumentsYet() {
        IntentView authorized = new IntentView().status(PaymentStatus.REQUIRES_CAPTURE).amountMinor(5000L)
                .capturedMinor(0L);

        assertThat(PaymentDocument.of(authorized, List.of())).isEmpty();
    }

    @Test
    void aCapturedPaymentHasItsInvoiceDatedByTheCapture() {
        IntentView captured = new IntentView().status(PaymentStatus.CAPTURED).capturedMinor(5000L);
        List<LedgerEntryView> ledger = List.of(
                new LedgerEntryView().kind(LedgerEntryView.KindEnum.AUTHORIZE).createdAt(CAPTURED.minusMinutes(5)),
                new LedgerEntryView().kind(LedgerEntryView.KindEnum.CAPTURE).createdAt(CAPTURED));

        assertThat(PaymentDocument.of(captured, ledger)).containsExactly(
                new PaymentDocument(PaymentDocument.Kind.INVOICE, null, 5000L, CAPTURED));
    }

    @Test
    void eachRefundHasItsCreditNoteAfterTheInvoice() {
        IntentView refunded = new IntentView().status(PaymentStatus.PARTIALLY_REFUNDED).capturedMinor(5000L)
                .refunds(List.of(new RefundView().refundId("re_1").amountMinor(1000L).createdAt(REFUNDED),
                        new RefundView().refundId("re_2").amountMinor(500L).createdAt(REFUNDED.plusHours(1))));

        assertThat(PaymentDocument.of(refunded, List.of())).containsExactly(
                new PaymentDocument(PaymentDocument.Kind.INVOICE, null, 5000L, null),
                new PaymentDocument(PaymentDocument.Kind.CREDIT_NOTE, "re_1", 1000L, REFUNDED),
                new PaymentDocument(PaymentDocument.Kind.CREDIT_NOTE, "re_2", 500L, REFUNDED.plusHours(1)));
    }
}
