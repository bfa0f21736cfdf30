package dev.shopstream.payments.api;

import dev.shopstream.commons.idempotency.Idempotent;
import dev.shopstream.commons.idempotency.IdempotencyFilter;
import dev.shopstream.commons.money.Money;
import dev.shopstream.commons.openapi.OpenApiRefs;
import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.commons.problem.FieldViolation;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.commons.problem.ResourceNotFoundException;
import dev.shopstream.payments.intent.Authorizations;
import dev.shopstream.payments.intent.LedgerEntry;
import dev.shopstream.payments.intent.NewPayment;
import dev.shopstream.payments.intent.PaymentIntent;
import dev.shopstream.payments.intent.PaymentIntentStore;
import dev.shopstream.payments.intent.PaymentIntents;
import dev.shopstream.payments.intent.PaymentStatus;
import dev.shopstream.payments.intent.PendingOperations;
import dev.shopstream.payments.invoice.InvoiceDocument;
import dev.shopstream.payments.invoice.Invoices;
import dev.shopstream.payments.invoice.PdfInvoices;
import dev.shopstream.payments.provider.PaymentProvider;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Payment intents: created by the orders service, captured, voided and refunded; read by their customer and staff. */
@Path("/payments/intents")
@Tag(name = "Payment intents", description = "Payments for orders: the orders service creates and captures them; "
        + "staff refund them and read the ledger; a customer reads their own payments and documents.")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class PaymentIntentResource {

    private static final String[] STAFF = {"admin", "support", "service"};
    private static final String PDF = "application/pdf";

    @Inject
    Authorizations authorizations;

    @Inject
    PaymentIntents intents;

    @Inject
    PaymentIntentStore store;

    @Inject
    PendingOperations pendingOperations;

    @Inject
    Invoices invoices;

    @Inject
    JsonWebToken caller;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @POST
    @RolesAllowed("service")
    @Idempotent(required = true)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPaymentIntent", summary = "Create a payment intent and authorize it",
            description = "Asks the provider to authorize (hold) the amount on the customer's payment method, given "
                    + "as the provider's token: card numbers are never accepted (422). Services only (the orders "
                    + "service). Idempotency-Key required: a retry with the same key and body replays the first "
                    + "answer and never charges twice. 201 with status requires_capture, requires_action (the "
                    + "customer must confirm; the outcome follows asynchronously), failed (failureCode says why), or "
                    + "unknown (the provider did not answer in time; the resolver settles it).")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = IntentView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid body, or no Idempotency-Key")
    @APIResponse(responseCode = "422", description = "A card number in the body, or the key reused for another body")
    @Parameter(ref = OpenApiRefs.IDEMPOTENCY_KEY_REQUIRED)
    public Response create(@NotNull @Valid PaymentRequests.CreateIntent request) {
        PaymentIntent intent = authorizations.authorize(new NewPayment(request.orderId(), request.customerId(),
                Money.of(request.amountMinor(), request.currency()), request.paymentMethodToken()));
        // A new payment has nothing refunded and no operation pending: nothing to read for its view.
        return Response.created(uriInfo.getAbsolutePathBuilder().path(intent.id().toString()).build())
                .entity(IntentView.of(intent, List.of(), List.of())).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"customer", "admin", "support", "service"})
    @Operation(operationId = "getPaymentIntent", summary = "Read a payment intent",
            description = "The payment with its amounts, status, refunds and pending provider operations. The "
                    + "customer it belongs to, staff and services; another customer's payment is 404.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = IntentView.class)))
    @APIResponse(responseCode = "404", description = "No such payment, or not the caller's")
    public IntentView get(@PathParam("id") UUID id) {
        return view(visible(id));
    }

    @GET
    @RolesAllowed({"admin", "support", "service"})
    @Operation(operationId = "listPaymentIntents", summary = "List payment intents, newest first",
            description = "Every payment, newest first, optionally only those with a status, for an order or of a "
                    + "customer (filters combine). Pass nextCursor back as cursor for the next page. Staff and "
                    + "services. An unknown status → 400.")
    public Page<IntentView> list(@QueryParam("status") @Parameter(schema = @Schema(implementation = PaymentStatus.class))
                                 String status,
                                 @QueryParam("orderId") @Size(max = PaymentRequests.ORDER_ID_MAX_LENGTH)
                                 String orderId,
                                 @QueryParam("customerId") @Size(max = PaymentRequests.CUSTOMER_ID_MAX_LENGTH)
                                 @Parameter(description = "The customer's subject (sub of their token)")
                                 String customerId,
                                 @QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH) String cursor,
                                 @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        PaymentIntentStore.Filter filter = new PaymentIntentStore.Filter(Optional.ofNullable(status).map(this::statusOf),
                Optional.ofNullable(orderId), Optional.ofNullable(customerId));
        return store.newestFirst(filter, cursor, limit).map(this::view);
    }

    @GET
    @Path("{id}/ledger")
    @RolesAllowed({"admin", "support"})
    @Operation(operationId = "listPaymentLedgerEntries", summary = "The payment's ledger entries, oldest first",
            description = "Every movement of money of the payment (authorize, capture, void, refund) from its "
                    + "append-only ledger, which the balances add up from. Support and admins. Unknown payment → "
                    + "404.")
    @APIResponse(responseCode = "200", description = "The ledger entries",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = LedgerEntryView.class,
                    maxItems = LedgerEntryView.MAX_ENTRIES)))
    public List<LedgerEntryView> ledger(@PathParam("id") UUID id) {
        visible(id);
        return store.ledger(id).stream().map(LedgerEntryView::of).toList();
    }

    @POST
    @Path("{id}/capture")
    @RolesAllowed({"service", "admin"})
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Parameter(ref = OpenApiRefs.IDEMPOTENCY_KEY)
    @Operation(operationId = "capturePaymentIntent", summary = "Capture the authorized amount, or part of it",
            description = "Takes the money: once per payment; with an empty object {} (no amountMinor) everything "
                    + "authorized is captured, and the uncaptured rest of a partial capture is released. The orders "
                    + "service and admins. Not requires_capture → 409; more than authorized or another currency → "
                    + "422.")
    @APIResponse(responseCode = "200", description = "The payment after the change",
            content = @Content(schema = @Schema(implementation = IntentView.class)))
    @APIResponse(responseCode = "409", description = "The payment cannot be captured in its state")
    @APIResponse(responseCode = "422", description = "Amount above the authorization, or currency mismatch")
    @APIResponse(responseCode = "503", description = "The provider did not answer (unreachable, open circuit, or "
            + "timeout: then the payment lists the operation in pendingOperations until the resolver settles it); "
            + "Retry-After says when to retry, with the same Idempotency-Key")
    public IntentView capture(@PathParam("id") UUID id, @NotNull @Valid PaymentRequests.Capture request) {
        return view(intents.capture(id, request.amountMinor(), request.currency()));
    }

    @POST
    @Path("{id}/void")
    @RolesAllowed({"service", "admin"})
    @Idempotent
    @Parameter(ref = OpenApiRefs.IDEMPOTENCY_KEY)
    @Operation(operationId = "voidPaymentIntent", summary = "Release the authorization without capturing",
            description = "Gives the held amount back to the customer without taking any of it. Only before "
                    + "capture (requires_capture or requires_action); otherwise 409. The orders service and admins.")
    @APIResponse(responseCode = "200", description = "The payment after the change",
            content = @Content(schema = @Schema(implementation = IntentView.class)))
    @APIResponse(responseCode = "409", description = "The payment cannot be voided in its state")
    @APIResponse(responseCode = "503", description = "The provider did not answer (unreachable, open circuit, or "
            + "timeout: then the payment lists the operation in pendingOperations until the resolver settles it); "
            + "Retry-After says when to retry, with the same Idempotency-Key")
    public IntentView voidAuthorization(@PathParam("id") UUID id) {
        return view(intents.voidAuthorization(id));
    }

    @POST
    @Path("{id}/refunds")
    @RolesAllowed({"admin", "support", "service"})
    @Idempotent(required = true)
    @Consumes(MediaType.APPLICATION_JSON)
    @Parameter(ref = OpenApiRefs.IDEMPOTENCY_KEY_REQUIRED)
    @Operation(operationId = "refundPaymentIntent", summary = "Refund part or all of the captured amount",
            description = "Gives captured money back, with a reason. Idempotency-Key required: a retry with the same "
                    + "key refunds once. Several refunds may add up to the captured amount, not more (422); nothing "
                    + "captured → 409; another currency → 422. Staff and services.")
    @APIResponse(responseCode = "201", description = "Refunded; the payment with its refunds",
            content = @Content(schema = @Schema(implementation = IntentView.class)))
    @APIResponse(responseCode = "409", description = "Nothing captured to refund")
    @APIResponse(responseCode = "422", description = "More than remains refundable, or currency mismatch")
    @APIResponse(responseCode = "503", description = "The provider did not answer (unreachable, open circuit, or "
            + "timeout: then the payment lists the operation in pendingOperations until the resolver settles it); "
            + "Retry-After says when to retry, with the same Idempotency-Key")
    public Response refund(@PathParam("id") UUID id, @NotNull @Valid PaymentRequests.Refund request) {
        PaymentIntent intent = intents.refund(id, request.amountMinor(), request.currency(), request.reason(),
                headers.getHeaderString(IdempotencyFilter.HEADER));
        return Response.status(Response.Status.CREATED).entity(view(intent)).build();
    }

    private PaymentStatus statusOf(String code) {
        return Arrays.stream(PaymentStatus.values()).filter(status -> status.code().equals(code)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.VALIDATION_FAILED, "Unknown status " + code + ".",
                        List.of(new FieldViolation("status", "must be a payment status such as requires_capture")),
                        Map.of()));
    }

    @GET
    @Path("{id}/invoice")
    @RolesAllowed({"customer", "admin", "support", "service"})
    @Produces(PDF)
    @Operation(operationId = "getPaymentInvoice", summary = "Download the invoice for the payment's capture (PDF)",
            description = "The invoice for the captured amount, as a PDF attachment. The customer the payment "
                    + "belongs to, staff and services; not captured yet → 404.")
    @APIResponse(responseCode = "200", description = "The invoice", content = @Content(mediaType = PDF))
    @APIResponse(responseCode = "404", description = "No such payment, not the caller's, or not captured")
    public Response invoice(@PathParam("id") UUID id) {
        return pdf(invoices.invoice(visible(id)));
    }

    @GET
    @Path("{id}/refunds/{refundId}/credit-note")
    @RolesAllowed({"customer", "admin", "support", "service"})
    @Produces(PDF)
    @Operation(operationId = "getRefundCreditNote", summary = "Download the credit note for one refund (PDF)",
            description = "The credit note for one refund of the payment (refundId from its refunds), as a PDF "
                    + "attachment. The customer the payment belongs to, staff and services. Unknown refund → 404.")
    @APIResponse(responseCode = "200", description = "The credit note", content = @Content(mediaType = PDF))
    @APIResponse(responseCode = "404", description = "No such payment or refund, or not the caller's")
    public Response creditNote(@PathParam("id") UUID id,
                               @PathParam("refundId") @Size(max = PaymentProvider.REFERENCE_MAX_LENGTH)
                               String refundId) {
        return pdf(invoices.creditNote(visible(id), refundId));
    }

    private static Response pdf(InvoiceDocument document) {
        return Response.ok(PdfInvoices.render(document), PDF)
                .header("Content-Disposition", "attachment; filename=\"" + document.fileName() + "\"").build();
    }

    /** The intent, if the caller may see it: staff and services see all, a customer only their own (else 404). */
    private PaymentIntent visible(UUID id) {
        PaymentIntent intent = store.find(id).orElseThrow(() -> new ResourceNotFoundException("Payment", id));
        boolean staff = false;
        for (String role : STAFF) {
            staff |= security.isUserInRole(role);
        }
        if (!staff && !intent.customerId().equals(caller.getSubject())) {
            throw new ResourceNotFoundException("Payment", id);
        }
        return intent;
    }

    private IntentView view(PaymentIntent intent) {
        // The view takes only the refunds from the ledger: a payment with nothing refunded has none to read.
        List<LedgerEntry> ledger = intent.refundedMinor() == 0 ? List.of() : store.ledger(intent.id());
        return IntentView.of(intent, ledger, pendingOperations.of(intent.id()));
    }
}
