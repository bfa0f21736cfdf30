package dev.shopstream.notifications.api;

import dev.shopstream.commons.domain.UnknownEntityException;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.commons.problem.FieldViolation;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.notifications.delivery.Delivery;
import dev.shopstream.notifications.delivery.DeliveryStore;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The delivery log for staff: every message the platform sent or tried to, with its attempts. */
@Path("/notifications/deliveries")
@Tag(name = "Delivery log")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class DeliveryResource {

    @Inject
    DeliveryStore deliveries;

    /**
     * A delivery as staff see it: the address masked ({@code r***@example.com}), no bodies.
     */
    public record DeliveryView(UUID id, String eventId, String notice, String channel, String userId,
                               String recipient, String locale, int templateVersion, String subject, String status,
                               int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                               Instant sentAt, List<Delivery.Attempt> attemptLog) {

        static DeliveryView of(Delivery delivery, List<Delivery.Attempt> attempts) {
            return new DeliveryView(delivery.id(), delivery.eventId(), delivery.notice(), delivery.channel().code(),
                    delivery.userId(), masked(delivery), delivery.locale(), delivery.templateVersion(),
                    delivery.subject(), delivery.status().code(), delivery.attempts(), delivery.nextAttemptAt(),
                    delivery.lastError(), delivery.createdAt(), delivery.sentAt(), attempts);
        }

        private static String masked(Delivery delivery) {
            String recipient = delivery.recipient();
            int at = recipient.indexOf('@');
            if (delivery.channel() != Channel.EMAIL || at < 1) {
                return delivery.channel() == Channel.EMAIL ? "***" : recipient;
            }
            return recipient.charAt(0) + "***" + recipient.substring(at);
        }
    }

    @GET
    @RolesAllowed({"admin", "support"})
    @Operation(operationId = "searchDeliveries", summary = "Search the delivery log, newest first",
            description = "Filters, all optional: status (queued, sent, failed, dead), channel (email, in-app), "
                    + "userId, notice (e.g. order.confirmed). Cursor paging: pass nextCursor back as cursor.")
    public Page<DeliveryView> search(@QueryParam("status") @Size(max = 20) String status,
                                     @QueryParam("channel") @Size(max = 20) String channel,
                                     @QueryParam("userId") @Size(max = 255) String userId,
                                     @QueryParam("notice") @Size(max = 100) String notice,
                                     @QueryParam("cursor") @Size(max = 100) String cursor,
                                     @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        DeliveryStore.Filter filter = new DeliveryStore.Filter(
                parsed("status", status, Delivery.Status::of), parsed("channel", channel, Channel::of),
                Optional.ofNullable(userId), Optional.ofNullable(notice));
        return deliveries.newestFirst(filter, cursor, limit).map(delivery -> DeliveryView.of(delivery, List.of()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "support"})
    @Operation(operationId = "getDelivery", summary = "Read a delivery with every attempt")
    public DeliveryView get(@PathParam("id") UUID id) {
        Delivery delivery = deliveries.find(id).orElseThrow(() -> new UnknownEntityException("Delivery", id));
        return DeliveryView.of(delivery, deliveries.attempts(id));
    }

    private static <T> Optional<T> parsed(String name, String value, Function<String, T> parse) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(value));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "Unknown " + name + " " + value + ".",
                    List.of(new FieldViolation(name, "is not a known " + name)), Map.of());
        }
    }
}
