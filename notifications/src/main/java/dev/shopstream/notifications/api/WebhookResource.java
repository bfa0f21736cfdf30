package dev.shopstream.notifications.api;

import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.commons.domain.UnknownEntityException;
import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.commons.problem.FieldViolation;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.notifications.delivery.DeliveryStore;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import dev.shopstream.notifications.webhook.WebhookEndpoint;
import dev.shopstream.notifications.webhook.WebhookEndpointStore;
import dev.shopstream.notifications.webhook.WebhookEvents;
import dev.shopstream.notifications.webhook.WebhookSignature;
import dev.shopstream.notifications.webhook.WebhookUrls;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Integrators' webhook endpoints: an integrator registers, reads, enables, re-keys and deletes its own (another's
 * is 404); admins and support see every endpoint, admins may enable and delete any. Deliveries are in the delivery
 * log (channel {@code webhook}); each endpoint's are listed here too.
 */
@Path("/notifications/webhooks")
@Tag(name = "Webhooks", description = "Integrators' endpoints that receive the platform's events, signed")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class WebhookResource {

    /** Every subscribable type at most once. */
    private static final int MAX_EVENT_TYPES = 15;
    private static final int MAX_EVENT_TYPE_LENGTH = 100;

    @Inject
    WebhookEndpointStore endpoints;

    @Inject
    WebhookUrls urls;

    @Inject
    DeliveryStore deliveries;

    @Inject
    JsonWebToken caller;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.webhooks.max-endpoints-per-owner")
    int maxEndpointsPerOwner;

    /** A new endpoint. */
    public record EndpointInput(
            @NotNull @Size(max = WebhookEndpoint.MAX_URL_LENGTH)
            @Schema(example = "https://erp.example.com/shopstream/events",
                    description = "https; no credentials; a public address") String url,
            @NotNull @Size(min = 1, max = MAX_EVENT_TYPES)
            @Schema(example = "[\"dev.shopstream.orders.order.confirmed\", "
                    + "\"dev.shopstream.catalog.inventory.low-stock\"]")
            List<@NotNull @Size(max = MAX_EVENT_TYPE_LENGTH) String> eventTypes,
            @Size(max = WebhookEndpoint.MAX_DESCRIPTION_LENGTH) @Schema(example = "ERP order import")
            String description) {
    }

    /** An endpoint; {@code secret} only in the answers to registering and re-keying it. */
    public record EndpointView(
            UUID id,
            @Schema(maxLength = 255, description = "The integrator it belongs to (its token's subject)") String owner,
            @Schema(maxLength = WebhookEndpoint.MAX_URL_LENGTH) String url,
            @Schema(maxItems = MAX_EVENT_TYPES) List<@Size(max = MAX_EVENT_TYPE_LENGTH) String> eventTypes,
            @Schema(maxLength = WebhookEndpoint.MAX_DESCRIPTION_LENGTH) String description,
            @Schema(enumeration = {"active", "disabled"}) String status,
            @Schema(description = "Failed attempts in a row") int consecutiveFailures,
            @Schema(maxLength = WebhookEndpoint.MAX_REASON_LENGTH, description = "Why it was disabled")
            String disabledReason,
            Instant createdAt,
            Instant updatedAt,
            @Schema(maxLength = 60, example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                    description = "The signing secret; shown only here, once") String secret) {
        static EndpointView of(WebhookEndpoint endpoint, String secret) {
            return new EndpointView(endpoint.id(), endpoint.owner(), endpoint.url(), endpoint.eventTypes(),
                    endpoint.description(), endpoint.status().code(), endpoint.consecutiveFailures(),
                    endpoint.disabledReason(), endpoint.createdAt(), endpoint.updatedAt(), secret);
        }
    }

    @POST
    @RolesAllowed("integrator")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhookEndpoint", summary = "Register a webhook endpoint",
            description = "For integrators. The platform posts each event of the given types (see "
                    + "docs/webhooks.md for the types, the body and the signature) to the URL, signed with the "
                    + "secret in this answer, which is shown only once. The URL must be https, carry no "
                    + "credentials and resolve to public addresses only (422 otherwise); an unknown event type → "
                    + "400; at most 10 endpoints per integrator by default (422 beyond).")
    @APIResponse(responseCode = "201", description = "Registered; Location names it; the secret is in the answer",
            content = @Content(schema = @Schema(implementation = EndpointView.class)))
    @APIResponse(responseCode = "422", description = "The URL may not be posted to, or too many endpoints")
    public Response create(@NotNull @Valid EndpointInput input) {
        List<String> types = List.copyOf(new LinkedHashSet<>(input.eventTypes()));
        List<FieldViolation> unknown = types.stream().filter(type -> !WebhookEvents.TYPES.contains(type))
                .map(type -> new FieldViolation("eventTypes", type + " is not an event type webhooks carry"))
                .toList();
        if (!unknown.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "Unknown event types.", unknown, Map.of());
        }
        urls.check(input.url());
        if (endpoints.countOf(caller.getSubject()) >= maxEndpointsPerOwner) {
            throw new RuleViolationException("An integrator may have at most " + maxEndpointsPerOwner
                    + " webhook endpoints; delete one first.");
        }
        String secret = WebhookSignature.newSecret();
        WebhookEndpoint endpoint = endpoints.add(caller.getSubject(), input.url(), types, input.description(),
                secret);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(endpoint.id().toString()).build())
                .entity(EndpointView.of(endpoint, secret)).build();
    }

    @GET
    @RolesAllowed({"integrator", "admin", "support"})
    @Operation(operationId = "listWebhookEndpoints", summary = "List webhook endpoints, newest first",
            description = "Integrators see their own; admins and support every integrator's. No secrets. Cursor "
                    + "paging: pass nextCursor back as cursor.")
    public Page<EndpointView> list(@QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH) String cursor,
                                   @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return endpoints.newestFirst(visibleOwner(), cursor, limit).map(endpoint -> EndpointView.of(endpoint, null));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"integrator", "admin", "support"})
    @Operation(operationId = "getWebhookEndpoint", summary = "Read a webhook endpoint",
            description = "An integrator's own, or any for admins and support; another integrator's or an "
                    + "unknown id → 404. No secret.")
    public EndpointView get(@PathParam("id") UUID id) {
        return EndpointView.of(visible(id), null);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({"integrator", "admin"})
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint",
            description = "An integrator's own, or any for admins; nothing more is posted to it (deliveries "
                    + "still waiting are given up). Another integrator's or an unknown id → 404.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        if (!endpoints.delete(id, changeableOwner())) {
            throw new UnknownEntityException("Webhook endpoint", id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/enable")
    @RolesAllowed({"integrator", "admin"})
    @Operation(operationId = "enableWebhookEndpoint", summary = "Enable a disabled webhook endpoint",
            description = "An integrator's own, or any for admins: active again, its failures forgotten; events "
                    + "from now on are posted (those given up while it was disabled are not). Enabling an active "
                    + "endpoint changes nothing. Another integrator's or an unknown id → 404.")
    public EndpointView enable(@PathParam("id") UUID id) {
        return endpoints.enable(id, changeableOwner()).map(endpoint -> EndpointView.of(endpoint, null))
                .orElseThrow(() -> new UnknownEntityException("Webhook endpoint", id));
    }

    @POST
    @Path("{id}/rotate-secret")
    @RolesAllowed("integrator")
    @Operation(operationId = "rotateWebhookSecret", summary = "Give a webhook endpoint a new signing secret",
            description = "For the integrator that owns it. Every delivery from now on is signed with the new "
                    + "secret, which is in this answer only; the old one stops at once. Another integrator's or "
                    + "an unknown id → 404.")
    public EndpointView rotateSecret(@PathParam("id") UUID id) {
        String secret = WebhookSignature.newSecret();
        return endpoints.rotateSecret(id, caller.getSubject(), secret)
                .map(endpoint -> EndpointView.of(endpoint, secret))
                .orElseThrow(() -> new UnknownEntityException("Webhook endpoint", id));
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed({"integrator", "admin", "support"})
    @Operation(operationId = "listWebhookDeliveries", summary = "List an endpoint's deliveries, newest first",
            description = "An integrator's own endpoint's, or any for admins and support: each event posted or "
                    + "to be posted, its status (queued, sent, failed, dead), attempts and last error; read one "
                    + "with getDelivery (staff) for every attempt. Cursor paging.")
    public Page<DeliveryResource.DeliveryView> deliveries(
            @PathParam("id") UUID id,
            @QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        WebhookEndpoint endpoint = visible(id);
        DeliveryStore.Filter filter = new DeliveryStore.Filter(Optional.empty(), Optional.of(Channel.WEBHOOK),
                Optional.empty(), Optional.empty(), Optional.of(endpoint.id().toString()));
        return deliveries.newestFirst(filter, cursor, limit)
                .map(delivery -> DeliveryResource.DeliveryView.of(delivery, List.of()));
    }

    private WebhookEndpoint visible(UUID id) {
        return endpoints.find(id, visibleOwner()).orElseThrow(() -> new UnknownEntityException("Webhook endpoint", id));
    }

    /** Staff see every endpoint; an integrator its own. */
    private Optional<String> visibleOwner() {
        return security.isUserInRole("admin") || security.isUserInRole("support") ? Optional.empty()
                : Optional.of(caller.getSubject());
    }

    /** Admins change any endpoint; an integrator its own. */
    private Optional<String> changeableOwner() {
        return security.isUserInRole("admin") ? Optional.empty() : Optional.of(caller.getSubject());
    }
}
