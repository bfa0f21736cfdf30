package dev.shopstream.orders.catalog;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The part of catalog's REST API orders uses (MicroProfile Rest Client; answers are read by status). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    /** Lines of a reservation request, as catalog takes them. */
    record Line(String sku, int quantity) {
    }

    record ReservationRequest(String orderId, List<Line> lines, int ttlSeconds) {
    }

    record StockAdjustment(int delta, String reason) {
    }

    @GET
    @Path("/offers")
    Response offers(@QueryParam("sku") List<String> skus, @QueryParam("currency") String currency);

    @POST
    @Path("/reservations")
    Response reserve(ReservationRequest request);

    @POST
    @Path("/reservations/{orderId}/commit")
    Response commit(@PathParam("orderId") String orderId);

    @POST
    @Path("/reservations/{orderId}/release")
    Response release(@PathParam("orderId") String orderId);

    @POST
    @Path("/skus/{code}/stock/adjustments")
    Response adjustStock(@PathParam("code") String sku, @HeaderParam("Idempotency-Key") String idempotencyKey,
                         StockAdjustment adjustment);
}
