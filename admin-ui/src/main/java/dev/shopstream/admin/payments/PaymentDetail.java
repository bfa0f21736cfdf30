package dev.shopstream.admin.payments;

import dev.shopstream.admin.client.payments.PaymentIntentsApi;
import dev.shopstream.admin.client.payments.model.IntentView;
import dev.shopstream.admin.client.payments.model.LedgerEntryView;
import dev.shopstream.admin.client.payments.model.PendingView;
import dev.shopstream.admin.client.payments.model.RefundView;
import dev.shopstream.admin.services.ServiceCalls;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One payment: its amounts and state, operations the provider has not answered yet, its refunds, its ledger with
 * the provider's references, and its invoice and credit notes as PDF downloads. Read only: money is refunded on the
 * order's page, through orders, so that the order knows of it (orders does not hear of refunds made at payments).
 */
@Named
@ViewScoped
public class PaymentDetail implements Serializable {

    @Inject
    transient ServiceCalls calls;

    @Inject
    @RestClient
    transient PaymentIntentsApi intents;

    @Inject
    @RestClient
    transient PaymentDocumentsApi documents;

    private UUID id;
    private IntentView payment;
    private List<LedgerEntryView> ledger = List.of();

    public void load() {
        if (id == null) {
            return;
        }
        calls.get("read the payment", () -> intents.getPaymentIntent(id)).ifPresent(found -> {
            payment = found;
            calls.get("read the payment's ledger", () -> intents.listPaymentLedgerEntries(id))
                    .ifPresent(entries -> ledger = entries);
        });
    }

    /** Sends the invoice or credit note in place of the page; when payments cannot give it, the page says why. */
    public void download(PaymentDocument document) throws IOException {
        Optional<PdfDownload.Pdf> pdf = document.isInvoice()
                ? calls.get("download the invoice",
                        () -> PdfDownload.read(documents.invoice(id), "invoice-" + id + ".pdf"))
                : calls.get("download the credit note", () -> PdfDownload.read(
                        documents.creditNote(id, document.refundId()), "credit-note-" + document.refundId() + ".pdf"));
        if (pdf.isPresent()) {
            PdfDownload.send(pdf.get());
        }
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public IntentView getPayment() {
        return payment;
    }

    public List<RefundView> getRefunds() {
        return payment == null || payment.getRefunds() == null ? List.of() : payment.getRefunds();
    }

    public List<PendingView> getPendingOperations() {
        return payment == null || payment.getPendingOperations() == null ? List.of() : payment.getPendingOperations();
    }

    public List<LedgerEntryView> getLedger() {
        return ledger;
    }

    public List<PaymentDocument> getDocuments() {
        return payment == null ? List.of() : PaymentDocument.of(payment, ledger);
    }

    /** The order's page takes an order id that is a UUID; a payment made for anything else has no page to link to. */
    public UUID getOrderUuid() {
        if (payment == null || payment.getOrderId() == null) {
            return null;
        }
        try {
            return UUID.fromString(payment.getOrderId());
        } catch (IllegalArgumentException notAnOrderOfOurs) {
            return null;
        }
    }
}
