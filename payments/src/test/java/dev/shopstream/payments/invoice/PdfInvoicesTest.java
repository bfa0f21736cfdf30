package dev.shopstream.payments.invoice;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PdfInvoicesTest {

    static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            return new PdfTextExtractor(reader).getTextFromPage(1);
        } finally {
            reader.close();
        }
    }

    @Test
    void invoiceStatesNumberOrderAndAmountInMajorUnits() throws IOException {
        InvoiceDocument invoice = new InvoiceDocument(InvoiceDocument.Kind.INVOICE, "INV-00000042",
                OffsetDateTime.parse("2026-11-25T10:15:30Z"), UUID.randomUUID(), "order-1042", "sub-carol", 4990, "EUR",
                "ch_1", null);

        String text = text(PdfInvoices.render(invoice));

        assertThat(text).contains("Invoice INV-00000042").contains("order-1042").contains("Amount paid: 49.90 EUR")
                .contains("2026-11-25 10:15 UTC");
    }

    @Test
    void creditNoteStatesTheRefundAndItsReason() throws IOException {
        InvoiceDocument note = new InvoiceDocument(InvoiceDocument.Kind.CREDIT_NOTE, "CN-00000043",
                OffsetDateTime.parse("2026-11-26T08:00:00Z"), UUID.randomUUID(), "order-1042", "sub-carol", 1500, "JPY",
                "re_1", "scratched");

        String text = text(PdfInvoices.render(note));

        assertThat(text).contains("Credit note CN-00000043").contains("Amount refunded: 1500 JPY").contains("scratched");
    }
}
