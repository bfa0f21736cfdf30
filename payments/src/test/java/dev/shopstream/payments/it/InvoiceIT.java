package dev.shopstream.payments.it;

import dev.shopstream.testkit.Api;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Invoices for captures and credit notes for refunds, as PDF, for the owner and staff only. */
class InvoiceIT extends PaymentsApiTest {

    @Test
    void ownerDownloadsTheInvoiceOfACaptureAndTheCreditNoteOfARefund() throws IOException {
        JsonObject payment = payment(4990, "pm_card_visa");
        String id = payment.getString("id");
        capture(id, "{}");
        String refundId = Api.json(refund(id, 1000, "wobbly leg")).getJsonArray("refunds").getJsonObject(0)
                .getString("refundId");

        HttpResponse<byte[]> invoice = download(INTENTS + "/" + id + "/invoice", customer("carol"));
        HttpResponse<byte[]> creditNote = download(INTENTS + "/" + id + "/refunds/" + refundId + "/credit-note", support);

        assertThat(invoice.statusCode()).isEqualTo(200);
        assertThat(invoice.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(invoice.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).matches("attachment; filename=\"INV-\\d{8}\\.pdf\""));
        assertThat(text(invoice.body())).contains("Amount paid: 49.90 EUR").contains(payment.getString("orderId"));
        assertThat(creditNote.statusCode()).isEqualTo(200);
        assertThat(text(creditNote.body())).contains("Amount refunded: 10.00 EUR").contains("wobbly leg");
    }

    @Test
    void uncapturedPaymentHasNoInvoice() {
        String id = payment(100, "pm_card_visa").getString("id");

        assertProblem(api.get(INTENTS + "/" + id + "/invoice", admin), 404, "not-found");
        assertProblem(api.get(INTENTS + "/" + id + "/refunds/re_none/credit-note", admin), 404, "not-found");
    }

    @Test
    void anotherCustomersInvoiceIsNotFound() {
        String id = payment(100, "pm_card_visa").getString("id");
        capture(id, "{}");

        assertProblem(api.get(INTENTS + "/" + id + "/invoice", customer("dave")), 404, "not-found");
    }

    private static HttpResponse<byte[]> download(String path, String token) {
        return api.download(path, token, "application/pdf");
    }

    private static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            return new PdfTextExtractor(reader).getTextFromPage(1);
        } finally {
            reader.close();
        }
    }
}
