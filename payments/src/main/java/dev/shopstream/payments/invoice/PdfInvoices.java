package dev.shopstream.payments.invoice;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;

/** Renders invoices and credit notes as PDF with OpenPDF. */
public final class PdfInvoices {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 20);
    private static final Font LABEL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private PdfInvoices() {
    }

    public static byte[] render(InvoiceDocument invoice) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, pdf);
            document.addTitle(invoice.kind().title() + " " + invoice.number());
            document.addCreator("Shopstream payments");
            document.open();
            document.add(new Paragraph("Shopstream", LABEL));
            document.add(new Paragraph(invoice.kind().title() + " " + invoice.number(), TITLE));
            document.add(new Paragraph(" "));
            PdfPTable details = new PdfPTable(new float[]{1, 2});
            details.setWidthPercentage(100);
            row(details, "Issued", DATE.format(invoice.issuedAt()));
            row(details, "Order", invoice.orderId());
            row(details, "Payment", invoice.paymentId().toString());
            row(details, "Customer", invoice.customerId());
            row(details, "Provider reference", invoice.providerReference());
            if (invoice.reason() != null) {
                row(details, "Reason", invoice.reason());
            }
            document.add(details);
            document.add(new Paragraph(" "));
            Paragraph total = new Paragraph((invoice.kind() == InvoiceDocument.Kind.INVOICE ? "Amount paid: "
                    : "Amount refunded: ") + invoice.formattedAmount(), TITLE);
            total.setAlignment(Element.ALIGN_RIGHT);
            document.add(total);
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not render " + invoice.number(), e);
        } finally {
            document.close();
        }
        return pdf.toByteArray();
    }

    private static void row(PdfPTable table, String label, String value) {
        table.addCell(cell(new Phrase(label, LABEL)));
        table.addCell(cell(new Phrase(value == null ? "" : value, TEXT)));
    }

    private static PdfPCell cell(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(PdfPCell.NO_BORDER);
        cell.setPaddingBottom(4);
        return cell;
    }
}
