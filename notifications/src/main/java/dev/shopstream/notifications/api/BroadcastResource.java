package dev.shopstream.notifications.api;

import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.commons.problem.FieldViolation;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.notifications.broadcast.Broadcast;
import dev.shopstream.notifications.broadcast.Broadcasts;
import dev.shopstream.notifications.broadcast.Segment;
import dev.shopstream.notifications.template.Template;
import dev.shopstream.notifications.template.TemplateKey;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Broadcasts for staff: admins schedule a marketing mail to a segment for a time and cancel it before or while it
 * is sent; admins and support read how it goes. Only those who opted in to marketing by e-mail receive one.
 * Broadcasts cannot be edited: cancel one and schedule another.
 */
@Path("/notifications/broadcasts")
@Tag(name = "Broadcasts", description = "Marketing mail to a segment of customers, scheduled by admins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class BroadcastResource {

    private static final String SEGMENT = "all-customers|ordered-between|marketing-opt-ins";
    private static final int MAX_SEGMENT_LENGTH = 17;
    private static final String LOCALE = "[a-z]{2}";

    @Inject
    Broadcasts broadcasts;

    @Inject
    JsonWebToken caller;

    /** A broadcast's content in one language. */
    public record ContentInput(
            @NotNull @Pattern(regexp = LOCALE) @Size(max = TemplateKey.MAX_LOCALE_LENGTH)
            @Schema(example = "de") String locale,
            @NotBlank @Size(max = Template.MAX_SUBJECT_LENGTH)
            @Schema(example = "Unser Winterschlussverkauf") String subject,
            @NotBlank @Size(max = Template.MAX_TEXT_BODY_LENGTH)
            @Schema(example = "Hallo {{firstName}},\n\n…\n\nAbmelden: {{unsubscribeUrl}}\n") String textBody,
            @Size(max = Template.MAX_HTML_BODY_LENGTH) String htmlBody) {
        Broadcast.Content content() {
            return new Broadcast.Content(locale, subject, textBody, htmlBody);
        }
    }

    /** What an admin schedules. */
    public record BroadcastInput(
            @NotNull @Pattern(regexp = SEGMENT) @Size(max = MAX_SEGMENT_LENGTH)
            @Schema(example = "ordered-between") String segment,
            @Schema(description = "ordered-between only: the period's start, included") Instant orderedFrom,
            @Schema(description = "ordered-between only: the period's end, excluded") Instant orderedUntil,
            @Schema(description = "When it goes out; absent: at once. More than a minute in the past → 422")
            Instant sendAt,
            @NotNull @Pattern(regexp = LOCALE) @Size(max = TemplateKey.MAX_LOCALE_LENGTH)
            @Schema(example = "en", description = "The language of the default content, which recipients "
                    + "without a translation in theirs read") String locale,
            @NotBlank @Size(max = Template.MAX_SUBJECT_LENGTH)
            @Schema(example = "Our winter sale") String subject,
            @NotBlank @Size(max = Template.MAX_TEXT_BODY_LENGTH)
            @Schema(example = "Hi {{firstName}},\n\n…\n\nUnsubscribe: {{unsubscribeUrl}}\n") String textBody,
            @Size(max = Template.MAX_HTML_BODY_LENGTH) String htmlBody,
            @Size(max = Broadcast.MAX_TRANSLATIONS) List<@NotNull @Valid ContentInput> translations) {
    }

    /** A broadcast's content in one language. */
    public record ContentView(
            @Schema(maxLength = TemplateKey.MAX_LOCALE_LENGTH, example = "de") String locale,
            @Schema(maxLength = Template.MAX_SUBJECT_LENGTH) String subject,
            @Schema(maxLength = Template.MAX_TEXT_BODY_LENGTH) String textBody,
            @Schema(maxLength = Template.MAX_HTML_BODY_LENGTH) String htmlBody) {
        static ContentView of(Broadcast.Content content) {
            return new ContentView(content.locale(), content.subject(), content.textBody(), content.htmlBody());
        }
    }

    /** How its deliveries stand (from the delivery log, notice broadcast). */
    public record CountsView(
            @Schema(description = "Deliveries made: recipients reached so far") long recipients,
            long queued, long sent, long failed,
            @Schema(description = "Given up on: no address, after the last attempt, or cancelled") long dead) {
        static CountsView of(Broadcast.Counts counts) {
            return new CountsView(counts.recipients(), counts.queued(), counts.sent(), counts.failed(),
                    counts.dead());
        }
    }

    /** A broadcast and how it goes. */
    public record BroadcastView(
            UUID id,
            @Schema(enumeration = {"all-customers", "ordered-between", "marketing-opt-ins"}) String segment,
            Instant orderedFrom,
            Instant orderedUntil,
            @Schema(enumeration = {"email"}) String channel,
            Instant sendAt,
            @Schema(enumeration = {"scheduled", "sending", "sent", "cancelled"}) String status,
            @Schema(maxLength = TemplateKey.MAX_LOCALE_LENGTH, example = "en") String locale,
            @Schema(maxLength = Template.MAX_SUBJECT_LENGTH) String subject,
            @Schema(maxLength = Template.MAX_TEXT_BODY_LENGTH) String textBody,
            @Schema(maxLength = Template.MAX_HTML_BODY_LENGTH) String htmlBody,
            @Schema(maxItems = Broadcast.MAX_TRANSLATIONS) List<ContentView> translations,
            CountsView counts,
            @Schema(maxLength = Usernames.MAX_LENGTH) String createdBy,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            @Schema(maxLength = Usernames.MAX_LENGTH) String cancelledBy,
            Instant cancelledAt) {
        static BroadcastView of(Broadcast broadcast, Broadcast.Counts counts) {
            Broadcast.Content content = broadcast.defaultContent();
            return new BroadcastView(broadcast.id(), broadcast.segment().code(), broadcast.orderedFrom(),
                    broadcast.orderedUntil(), broadcast.channel().code(), broadcast.sendAt(),
                    broadcast.status().code(), content.locale(), content.subject(), content.textBody(),
                    content.htmlBody(), broadcast.contents().stream().skip(1).map(ContentView::of).toList(),
                    CountsView.of(counts), broadcast.createdBy(), broadcast.createdAt(), broadcast.startedAt(),
                    broadcast.finishedAt(), broadcast.cancelledBy(), broadcast.cancelledAt());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(operationId = "scheduleBroadcast", summary = "Schedule a marketing mail to a segment",
            description = "For admins. segment: all-customers (registered shoppers and anyone who ordered), "
                    + "ordered-between (customers with an order created in [orderedFrom, orderedUntil), both "
                    + "required then and only then), or marketing-opt-ins (everyone who opted in). Whatever the "
                    + "segment, only those who opted in to marketing by e-mail receive it, each once. Content is "
                    + "Mustache like the templates (firstName, unsubscribeUrl): a default in locale and optional "
                    + "translations; a recipient reads theirs or the default. It goes out from sendAt (absent: at "
                    + "once) in batches at the configured rate. A broadcast cannot be edited. Unknown segment, a "
                    + "period missing, reversed or not allowed, a translation's locale twice → 400; sendAt more "
                    + "than a minute in the past or over a year ahead, content that does not compile or renders "
                    + "too long → 422.")
    @APIResponse(responseCode = "201", description = "Scheduled; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BroadcastView.class)))
    @APIResponse(responseCode = "422", description = "sendAt is in the past or too far ahead, or the content does "
            + "not compile or renders too long")
    public Response schedule(@NotNull @Valid BroadcastInput input, @Context UriInfo uri) {
        Broadcast.Draft draft = draft(input);
        Broadcast broadcast = broadcasts.schedule(draft, caller.getName());
        return Response.created(uri.getBaseUriBuilder().path("notifications/broadcasts/{id}").build(broadcast.id()))
                .entity(BroadcastView.of(broadcast, broadcasts.counts(broadcast.id()))).build();
    }

    @GET
    @RolesAllowed({"admin", "support"})
    @Operation(operationId = "listBroadcasts", summary = "List broadcasts, newest first",
            description = "For admins and support, with their counts. status (scheduled, sending, sent, "
                    + "cancelled) narrows the list; unknown → 400. Cursor paging: pass nextCursor back as cursor, "
                    + "with the same status.")
    public Page<BroadcastView> list(@Parameter(description = "scheduled, sending, sent or cancelled")
                                    @QueryParam("status") @Pattern(regexp = "scheduled|sending|sent|cancelled")
                                    @Size(max = 9) String status,
                                    @QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH) String cursor,
                                    @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return broadcasts.newestFirst(Optional.ofNullable(status).map(Broadcast.Status::of), cursor, limit)
                .map(broadcast -> BroadcastView.of(broadcast, broadcasts.counts(broadcast.id())));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "support"})
    @Operation(operationId = "getBroadcast", summary = "Read a broadcast and how it goes",
            description = "For admins and support: its content, status and counts (recipients reached, and "
                    + "their mail queued, sent, failed for now, dead). Unknown id → 404.")
    public BroadcastView get(@PathParam("id") UUID id) {
        return BroadcastView.of(broadcasts.find(id), broadcasts.counts(id));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed("admin")
    @Operation(operationId = "cancelBroadcast", summary = "Cancel a broadcast before or while it is sent",
            description = "For admins. No further recipient is queued, and its mail still waiting is not sent "
                    + "(logged dead: the broadcast was cancelled); mail already handed to the SMTP server stays "
                    + "sent. Cancelling a cancelled broadcast changes nothing; a sent one → 409. Unknown id → 404.")
    @APIResponse(responseCode = "200", description = "The broadcast, cancelled")
    @APIResponse(responseCode = "409", description = "The broadcast is sent")
    public BroadcastView cancel(@PathParam("id") UUID id) {
        return BroadcastView.of(broadcasts.cancel(id, caller.getName()), broadcasts.counts(id));
    }

    private static Broadcast.Draft draft(BroadcastInput input) {
        List<FieldViolation> violations = new ArrayList<>();
        Segment segment = Segment.of(input.segment());
        boolean period = segment == Segment.ORDERED_BETWEEN;
        if (period && input.orderedFrom() == null) {
            violations.add(new FieldViolation("orderedFrom", "is required for segment ordered-between"));
        }
        if (period && input.orderedUntil() == null) {
            violations.add(new FieldViolation("orderedUntil", "is required for segment ordered-between"));
        }
        if (period && input.orderedFrom() != null && input.orderedUntil() != null
                && !input.orderedFrom().isBefore(input.orderedUntil())) {
            violations.add(new FieldViolation("orderedUntil", "must be after orderedFrom"));
        }
        if (!period && (input.orderedFrom() != null || input.orderedUntil() != null)) {
            violations.add(new FieldViolation(input.orderedFrom() != null ? "orderedFrom" : "orderedUntil",
                    "is for segment ordered-between only"));
        }
        List<Broadcast.Content> contents = new ArrayList<>(List.of(new Broadcast.Content(input.locale(),
                input.subject(), input.textBody(), input.htmlBody())));
        Set<String> locales = new HashSet<>(Set.of(input.locale()));
        List<ContentInput> translations = input.translations() == null ? List.of() : input.translations();
        for (int index = 0; index < translations.size(); index++) {
            if (!locales.add(translations.get(index).locale())) {
                violations.add(new FieldViolation("translations[" + index + "].locale",
                        "is the default's or another translation's"));
            }
            contents.add(translations.get(index).content());
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, violations.size() + " field(s) are invalid.",
                    violations, Map.of());
        }
        return new Broadcast.Draft(segment, input.orderedFrom(), input.orderedUntil(), input.sendAt(), contents);
    }
}
