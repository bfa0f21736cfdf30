package dev.shopstream.payments.api;

import dev.shopstream.commons.problem.FieldViolation;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.commons.problem.ResourceNotFoundException;
import dev.shopstream.payments.provider.PaymentProvider;
import dev.shopstream.payments.provider.PaymentProviders;
import dev.shopstream.payments.provider.ProviderEvent;
import dev.shopstream.payments.provider.WebhookRejectedException;
import dev.shopstream.payments.webhook.ProviderWebhooks;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Provider webhooks. Open to the internet ({@code @PermitAll}) but trusted only when the provider's signature over
 * the exact body verifies and its timestamp is recent; anything else is 400 and counted. How many are processed at
 * once is {@link WebhookAdmission}'s to decide, before the request reaches this resource.
 */
@Path("/payments/webhooks/{provider}")
@Tag(name = "Provider webhooks", description = "Events the payment provider sends about payments. Called by the "
        + "provider only, without a token: trusted because they are signed.")
@RequestScoped
public class WebhookResource {

    private static final Logger LOG = Logger.getLogger(WebhookResource.class.getName());
    /** What the provider is told: the event was received, and what it did. */
    public record Receipt(boolean received,
                          @Schema(enumeration = {"applied", "ignored", "unknown-intent", "replayed"},
                                  description = "applied: the payment changed; ignored: the payment knew as much "
                                          + "already; unknown-intent: no such payment (logged); replayed: the "
                                          + "event was received before") String outcome) {
    }

    @Inject
    PaymentProviders providers;

    @Inject
    ProviderWebhooks webhooks;

    @Inject
    MetricRegistry metrics;

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "receiveProviderWebhook", summary = "Receive a provider's signed event",
            description = "Where the payment provider (provider: sandbox or stripe) sends its events. Anyone may "
                    + "call it, without a token: an event is trusted only when the provider's signature header "
                    + "verifies over the exact body and its timestamp is recent (5 minutes by default). 200 for every "
                    + "verified event, including replays and events about unknown payments (logged). Bad or stale "
                    + "signature → 400, counted in payments_webhooks_rejected_total; unknown provider → 404; too "
                    + "many events in progress → 503 with Retry-After, and the provider sends it again.")
    @RequestBody(required = true, description = "The provider's event as it sent it; its signature covers these "
            + "exact bytes", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "The provider's event, in its own format")))
    @APIResponse(responseCode = "200", description = "Received",
            content = @Content(schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "400", description = "Signature missing, forged or stale")
    @APIResponse(responseCode = "404", description = "No such provider")
    @APIResponse(responseCode = "503", description = "Too many events in progress; the provider sends it again after Retry-After")
    public Receipt receive(@PathParam("provider") @Size(max = PaymentProvider.NAME_MAX_LENGTH) String providerName,
                           @Context HttpHeaders headers, byte[] body) {
        PaymentProvider provider = providers.named(providerName)
                .orElseThrow(() -> new ResourceNotFoundException("Payment provider", providerName));
        ProviderEvent event;
        try {
            event = provider.readWebhook(headers.getHeaderString(provider.signatureHeader()), body);
        } catch (WebhookRejectedException e) {
            metrics.counter("payments.webhooks.rejected",
                    new org.eclipse.microprofile.metrics.Tag("provider", provider.name())).inc();
            LOG.warning(() -> "Rejected a webhook for " + provider.name() + ": " + e.getMessage());
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The webhook was rejected: " + e.getMessage(),
                    List.of(new FieldViolation(provider.signatureHeader(), e.getMessage())), Map.of());
        }
        return new Receipt(true, webhooks.apply(provider.name(), event).code());
    }
}
