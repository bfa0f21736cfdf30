package dev.shopstream.notifications.api;

import dev.shopstream.commons.domain.UnknownEntityException;
import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.commons.problem.FieldViolation;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.notifications.delivery.Delivery;
import dev.shopstream.notifications.delivery.DeliveryStore;
import dev.shopstream.notifications.notice.Notice;
import dev.shopstream.notifications.recipient.Recipient;
import dev.shopstream.notifications.sms.PhoneNumbers;
import dev.shopstream.notifications.template.Rendered;
import dev.shopstream.notifications.template.TemplateKey;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
@Tag(name = "Delivery log", description = "Every message the platform sent or tried to send, for staff")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class DeliveryResource {

    /** Masking keeps an address's first character and domain: a one-character local part grows by three. */
    private static final int MAX_RECIPIENT_LENGTH = Recipient.MAX_EMAIL_LENGTH + 3;

    @Inject
    DeliveryStore deliveries;

    /**
     * A delivery as staff see it: the address masked ({@code r***@example.com}), no bodies.
     */
    public record DeliveryView(
            UUID id,
            @Schema(maxLength = Notice.MAX_ID_LENGTH, description = "The event that caused it") String eventId,
            @Schema(maxLength = TemplateKey.MAX_NOTICE_LENGTH, example = "order.confirmed") String notice,
            @Schema(enumeration = {"email", "in-app", "webhook", "sms", "push"}) String channel,
            @Schema(maxLength = Notice.MAX_ID_LENGTH,
                    description = "The user it went to; absent for staff notices, a pseudonym once erased")
            String userId,
            @Schema(maxLength = MAX_RECIPIENT_LENGTH, example = "r***@example.com", description = "The masked "
                    + "e-mail address or phone number (+49*******67); for in-app messages the user id, for push the "
                    + "device's id (the token is never in the log), for webhooks the endpoint id")
            String recipient,
            @Schema(maxLength = TemplateKey.MAX_LOCALE_LENGTH, example = "en") String locale,
            int templateVersion,
            @Schema(maxLength = Rendered.MAX_SUBJECT_LENGTH, description = "The subject or in-app title as sent")
            String subject,
            @Schema(enumeration = {"queued", "sent", "failed", "dead"}) String status,
            @Schema(enumeration = {"transactional", "marketing"}) String category,
            int attempts,
            Instant nextAttemptAt,
            @Schema(maxLength = Delivery.MAX_ERROR_LENGTH) String lastError,
            Instant createdAt,
            Instant sentAt,
            @Schema(maxItems = Delivery.MAX_ATTEMPTS_LISTED, description = "The attempts, up to the first "
                    + Delivery.MAX_ATTEMPTS_LISTED + "; empty in search results")
            List<Attempt> attemptLog) {

        static DeliveryView of(Delivery delivery, List<Delivery.Attempt> attempts) {
            return new DeliveryView(delivery.id(), delivery.eventId(), delivery.notice(), delivery.channel().code(),
                    delivery.userId(), masked(delivery), delivery.locale(), delivery.templateVersion(),
                    delivery.subject(), delivery.status().code(), delivery.category().code(), delivery.attempts(),
                    delivery.nextAttemptAt(), delivery.lastError(), delivery.createdAt(), delivery.sentAt(),
                    attempts.stream().map(Attempt::of).toList());
        }

        private static String masked(Delivery delivery) {
            String recipient = delivery.recipient();
            if (delivery.channel() == Channel.SMS) {
                return PhoneNumbers.masked(recipient);
            }
            int at = recipient.indexOf('@');
            if (delivery.channel() != Channel.EMAIL || at < 1) {
                return delivery.channel() == Channel.EMAIL ? "***" : recipient;
            }
            return recipient.charAt(0) + "***" + recipient.substring(at);
        }
    }

    /** One attempt to send a delivery. */
    public record Attempt(int attempt, boolean sent,
                          @Schema(maxLength = Delivery.MAX_ERROR_LENGTH, description = "Why it failed") String error,
                          Instant at) {
        static Attempt of(Delivery.Attempt attempt) {
            return new Attempt(attempt.attempt(), attempt.sent(), attempt.error(), attempt.at());
        }
    }

    @GET
    @RolesAllowed({"admin", "support"})
    @Operation(operationId = "searchDeliveries", summary = "Search the delivery log, newest first",
            description = "For admins and support. Every mail, in-app message, SMS, push notification and webhook "
                    + "the platform sent or "
                    + "tried to, with the address masked and without bodies (attemptLog stays empty here: read one delivery "
                    + "for it). Filters, all optional and combined: status, channel, userId, notice. An unknown "
                    + "status or channel → 400. Cursor paging: pass nextCursor back as cursor, with the same "
                    + "filters.")
    public Page<DeliveryView> search(@Parameter(description = "queued, sent, failed or dead")
                                     @QueryParam("status") @Size(max = 20) String status,
                                     @Parameter(description = "email, in-app, sms, push or webhook")
                                     @QueryParam("channel") @Size(max = 20) String channel,
                                     @Parameter(description = "The user's id (the sub of their tokens)")
                                     @QueryParam("userId") @Size(max = Notice.MAX_ID_LENGTH) String userId,
                                     @Parameter(description = "A notice, e.g. order.confirmed")
                                     @QueryParam("notice") @Size(max = 100) String notice,
                                     @QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH) String cursor,
                                     @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        DeliveryStore.Filter filter = new DeliveryStore.Filter(
                parsed("status", status, Delivery.Status::of), parsed("channel", channel, Channel::of),
                Optional.ofNullable(userId), Optional.ofNullable(notice), Optional.empty());
        return deliveries.newestFirst(filter, cursor, limit).map(delivery -> DeliveryView.of(delivery, List.of()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "support"})
    @Operation(operationId = "getDelivery", summary = "Read a delivery with every attempt",
            description = "For admins and support. One delivery as the log has it, with attemptLog: when each "
                    + "attempt to send it was made and why it failed. An unknown id → 404.")
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
