package dev.shopstream.payments.invoice;

import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.payments.intent.LedgerEntry;
import dev.shopstream.payments.intent.LedgerKind;
import dev.shopstream.payments.intent.PaymentIntent;
import dev.shopstream.payments.intent.PaymentIntentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.function.Predicate;

/** An invoice for each capture and a credit note for each refund, built from the ledger entry they document. */
@ApplicationScoped
public class Invoices {

    @Inject
    PaymentIntentStore store;

    public InvoiceDocument invoice(PaymentIntent intent) {
        return document(intent, InvoiceDocument.Kind.INVOICE, entry -> entry.kind() == LedgerKind.CAPTURE,
                "Payment " + intent.id() + " has not been captured, so it has no invoice yet.");
    }

    public InvoiceDocument creditNote(PaymentIntent intent, String refundId) {
        return document(intent, InvoiceDocument.Kind.CREDIT_NOTE,
                entry -> entry.kind() == LedgerKind.REFUND && entry.providerReference().equals(refundId),
                "Payment " + intent.id() + " has no refund " + refundId + ".");
    }

    private InvoiceDocument document(PaymentIntent intent, InvoiceDocument.Kind kind, Predicate<LedgerEntry> documented,
                                     String missing) {
        LedgerEntry entry = store.ledger(intent.id()).stream().filter(documented).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, missing));
        return new InvoiceDocument(kind, kind.numberFor(entry.id()), entry.createdAt(), intent.id(), intent.orderId(),
                intent.customerId(), entry.amountMinor(), entry.currency(), entry.providerReference(), entry.reason());
    }
}
