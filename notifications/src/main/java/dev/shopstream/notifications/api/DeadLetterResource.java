package dev.shopstream.notifications.api;

import dev.shopstream.notifications.deadletter.DeadLetter;
import dev.shopstream.notifications.deadletter.DeadLetterReplays;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The events notifications' consumers gave up on ({@code <topic>.dlq}), for staff: list them with why, and replay
 * one or all once the cause is fixed. A replay has the event's effect once: a second replay is a duplicate.
 */
@Path("/notifications/dead-letters")
@Tag(name = "Dead letters", description = "The events notifications could not handle, for staff to inspect and "
        + "replay once the cause is fixed")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class DeadLetterResource {

    private static final String TOPIC = "[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*\\.dlq";
    /** The most dead letters one list returns, the newest. */
    private static final int MAX_LISTED = 1_000;

    @Inject
    DeadLetterReplays deadLetters;

    @Inject
    JsonWebToken caller;

    /** A dead letter as staff see it (its payload stays in Kafka: it may hold personal data). */
    public record DeadLetterView(
            @Schema(maxLength = DeadLetter.MAX_TOPIC_LENGTH, example = "order.lifecycle.dlq") String topic,
            int partition,
            long offset,
            @Schema(maxLength = DeadLetter.MAX_CONSUMER_LENGTH, example = "notifications.orders",
                    description = "The consumer that gave up on the event") String consumer,
            @Schema(maxLength = DeadLetter.MAX_REASON_LENGTH, description = "Why it gave up") String reason,
            @Schema(maxLength = DeadLetter.MAX_ORIGIN_LENGTH, example = "order.lifecycle/2@1187",
                    description = "Where the event was read: topic/partition@offset") String origin,
            @Schema(maxLength = DeadLetter.MAX_EVENT_ATTRIBUTE_LENGTH,
                    description = "The CloudEvents id; absent when the record is not an envelope") String eventId,
            @Schema(maxLength = DeadLetter.MAX_EVENT_ATTRIBUTE_LENGTH,
                    example = "dev.shopstream.orders.order.confirmed") String eventType,
            Instant deadLetteredAt,
            @Schema(enumeration = {"applied", "duplicate", "ignored", "failed"},
                    description = "What the last replay did; absent until one") String lastReplay,
            @Schema(maxLength = Usernames.MAX_LENGTH, description = "Who asked for the last replay")
            String replayedBy,
            Instant replayedAt) {

        static DeadLetterView of(DeadLetter letter) {
            return new DeadLetterView(letter.topic(), letter.partition(), letter.offset(), letter.consumer(),
                    letter.reason(), letter.origin(), letter.eventId(), letter.eventType(), letter.deadLetteredAt(),
                    letter.lastReplay(), letter.replayedBy(), letter.replayedAt());
        }
    }

    @GET
    @RolesAllowed({"admin", "support"})
    @Operation(operationId = "listDeadLetters", summary = "List notifications' dead letters, newest first",
            description = "For admins and support. The events notifications' consumers gave up on, from "
                    + "order.lifecycle.dlq, user.events.dlq and inventory.events.dlq: which consumer, why, and what "
                    + "the last replay did (lastReplay is absent until one). Payloads are not shown: they may hold "
                    + "personal data. topic narrows the list to one of those topics. At most the newest 500 per "
                    + "partition and 1,000 in all. Kafka not answering in time → 503 with Retry-After.")
    @APIResponse(responseCode = "200", description = "The dead letters, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = DeadLetterView.class, maxItems = MAX_LISTED)))
    public List<DeadLetterView> list(@Parameter(description = "A dead-letter topic, e.g. order.lifecycle.dlq")
                                     @QueryParam("topic") @Pattern(regexp = TOPIC)
                                     @Size(max = DeadLetter.MAX_TOPIC_LENGTH) String topic) {
        return deadLetters.list(Optional.ofNullable(topic)).stream()
                .sorted(Comparator.comparing(DeadLetter::deadLetteredAt).reversed())
                .limit(MAX_LISTED).map(DeadLetterView::of).toList();
    }

    @POST
    @Path("{topic}/{partition}/{offset}/replay")
    @RolesAllowed("admin")
    @Operation(operationId = "replayDeadLetter", summary = "Replay one dead letter",
            description = "For admins. Hands the dead letter at topic, partition and offset (as listed) to the "
                    + "consumer that gave up on it, which has its effect at most once: applied (the effect happened "
                    + "now), duplicate (it had happened before), ignored (a type the consumer does not handle). "
                    + "Answers the dead letter with that outcome and who replayed it. An event that cannot be read "
                    + "→ 422, recorded as failed. Another service's dead letter or an unknown offset → 404. Kafka "
                    + "not answering in time → 503 with Retry-After.")
    @APIResponse(responseCode = "200", description = "The dead letter with the replay's outcome")
    @APIResponse(responseCode = "422", description = "The event cannot be read; the replay is recorded as failed")
    public DeadLetterView replay(@PathParam("topic") @Pattern(regexp = TOPIC)
                                 @Size(max = DeadLetter.MAX_TOPIC_LENGTH) String topic,
                                 @PathParam("partition") @Min(0) @Max(Integer.MAX_VALUE) int partition,
                                 @PathParam("offset") @Min(0) @Max(Long.MAX_VALUE) long offset) {
        return DeadLetterView.of(deadLetters.replay(topic, partition, offset, caller.getName()));
    }

    @POST
    @Path("replay")
    @RolesAllowed("admin")
    @Operation(operationId = "replayAllDeadLetters", summary = "Replay every dead letter no replay has settled",
            description = "For admins. Replays, oldest first, each of notifications' dead letters that was never "
                    + "replayed or whose last replay failed; those applied, duplicate or ignored before are left "
                    + "alone. Answers how many were applied, duplicates, ignored and failed (an event that cannot be "
                    + "read counts as failed). Kafka not answering in time → 503 with Retry-After.")
    @APIResponse(responseCode = "200", description = "How many replays had which outcome")
    public DeadLetterReplays.Summary replayAll() {
        return deadLetters.replayAll(caller.getName());
    }
}
