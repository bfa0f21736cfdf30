package dev.shopstream.admin.payments;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * Payments' PDF invoices and credit notes, written by hand: payments.yaml declares their 200 as
 * {@code application/pdf} without a schema, so the generated {@code PaymentIntentsApi} methods return {@code void}
 * and drop the document. Same paths, same client configuration (token, correlation id, problem documents).
 */
@RegisterRestClient(configKey = "payments")
@Path("/api/payments/intents")
public interface PaymentDocumentsApi {

    @GET
    @Path("/{id}/invoice")
    @Produces({"application/pdf", "application/problem+json"})
    Response invoice(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/refunds/{refundId}/credit-note")
    @Produces({"application/pdf", "application/problem+json"})
    Response creditNote(@PathParam("id") UUID id, @PathParam("refundId") String refundId);
}
