package dev.shopstream.orders.payments;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** The part of payments' REST API orders uses (MicroProfile Rest Client; answers are read by status). */
@Path("/api/payments/intents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PaymentsApi {

    record CreateIntent(String orderId, String customerId, long amountMinor, String currency,
                        String paymentMethodToken) {
    }

    record Capture(Long amountMinor, String currency) {
    }

    record Refund(long amountMinor, String currency, String reason) {
    }

    @POST
    Response create(@HeaderParam("Idempotency-Key") String idempotencyKey, CreateIntent request);

    @GET
    @Path("/{id}")
    Response get(@PathParam("id") UUID id);

    @POST
    @Path("/{id}/capture")
    Response capture(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String idempotencyKey,
                     Capture request);

    @POST
    @Path("/{id}/void")
    Response voidAuthorization(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String idempotencyKey);

    @POST
    @Path("/{id}/refunds")
    Response refund(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String idempotencyKey,
                    Refund request);
}
