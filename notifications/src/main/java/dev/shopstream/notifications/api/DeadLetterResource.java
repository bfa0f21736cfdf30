package dev.shopstream.notifications.api;

import dev.shopstream.notifications.deadletter.DeadLetter;
import dev.shopstream.notifications.deadletter.DeadLetterReplays;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The events notifications' consumers gave up on ({@code <topic>.dlq}), for staff: list them with why, and replay
 * one or all once the cause is fixed. A replay has the event's effect once: a second replay is a duplicate.
 */
@Path("/notifications/dead-letters")
@Tag(name = "Dead letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class DeadLetterResource {

    private static final String TOPIC = "[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*\\.dlq";

    @Inject
    DeadLetterReplays deadLetters;

    @Inject
    JsonWebToken caller;

    /** A dead letter as staff see it (its payload stays in Kafka: it may hold personal data). */
    public record DeadLetterView(String topic, int partition, long offset, String consumer, String reason,
                                 String origin, String eventId, String eventType, Instant deadLetteredAt,
                                 String lastReplay, String replayedBy, Instant replayedAt) {
        static DeadLetterView of(DeadLetter letter) {
            return new DeadLetterView(letter.topic(), letter.partition(), letter.offset(), letter.consumer(),
                    letter.reason(), letter.origin(), letter.eventId(), letter.eventType(), letter.deadLetteredAt(),
                    letter.lastReplay(), letter.replayedBy(), letter.replayedAt());
        }
    }

    @GET
    @RolesAllowed({"admin", "support"})
    @Operation(operationId = "listDeadLetters", summary = "List notifications' dead letters, newest first",
            description = "topic (e.g. order.lifecycle.dlq) narrows the list; at most the newest 500 per partition. "
                    + "lastReplay is absent until a replay: then applied, duplicate, ignored or failed.")
    public List<DeadLetterView> list(@QueryParam("topic") @Pattern(regexp = TOPIC) String topic) {
        return deadLetters.list(Optional.ofNullable(topic)).stream().map(DeadLetterView::of).toList();
    }

    @POST
    @Path("{topic}/{partition}/{offset}/replay")
    @RolesAllowed("admin")
    @Operation(operationId = "replayDeadLetter", summary = "Replay one dead letter",
            description = "Through the consumer that gave up on it: applied (the effect happened now), duplicate (it "
                    + "had happened before), ignored (a type the consumer does not handle). An event that cannot "
                    + "be read → 422, recorded as failed. Another service's dead letter or an unknown offset → 404.")
    public DeadLetterView replay(@PathParam("topic") @Pattern(regexp = TOPIC) String topic,
                                 @PathParam("partition") @Min(0) int partition,
                                 @PathParam("offset") @Min(0) long offset) {
        return DeadLetterView.of(deadLetters.replay(topic, partition, offset, caller.getName()));
    }

    @POST
    @Path("replay")
    @RolesAllowed("admin")
    @Operation(operationId = "replayAllDeadLetters", summary = "Replay every dead letter no replay has settled",
            description = "Oldest first; those applied, duplicate or ignored before are left alone. Returns how "
                    + "many were applied, duplicates, ignored and failed.")
    public DeadLetterReplays.Summary replayAll() {
        return deadLetters.replayAll(caller.getName());
    }
}
