package dev.shopstream.notifications.api;

import dev.shopstream.notifications.live.LiveStreams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/** The signed-in user's live updates as Server-Sent Events: their own order status changes and in-app messages. */
@Path("/notifications/stream")
@Tag(name = "Live updates", description = "The signed-in user's order status changes and messages as they happen")
@RequestScoped
@SecurityRequirement(name = "keycloak")
public class LiveResource {

    /** The largest SSE id: a positive 64-bit number. */
    private static final int MAX_EVENT_ID_DIGITS = 18;

    @Inject
    LiveStreams streams;

    @Inject
    JsonWebToken caller;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.live.send-timeout")
    Duration sendTimeout;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({"customer", "admin", "support"})
    @Operation(operationId = "streamMyUpdates", summary = "Stream my order status changes and messages",
            description = """
                    For customers, admins and support: their own updates as Server-Sent Events, never anyone \
                    else's, on whichever replica the client reaches. Event `order-status` carries orderId, status, \
                    change (created, confirmed, rejected, payment-failed, cancelled, packed, shipped, delivered, \
                    refunded), occurredAt and, when set, reason, carrier and trackingNumber; event `message` a new \
                    in-app message shaped as listMyMessages answers it. Each event has an id: reconnect with it in \
                    Last-Event-ID to receive every event after it (events are kept for 7 days by default), without \
                    one to receive what happens from now on. A comment line (`: heartbeat`) comes every 15 seconds \
                    by default. A user may have 5 streams open at once by default, on all replicas together (429 \
                    beyond, with Retry-After); the stream ends when the token expires: reconnect with a fresh one \
                    and Last-Event-ID.""")
    @APIResponse(responseCode = "200", description = "The stream; it stays open",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING,
                    maxLength = 10_000_000, example = """
                            id: 42
                            event: order-status
                            data: {"orderId":"3f0c2a4e-6b1d-4f7a-9c1e-2d5b8a7e9f10","status":"shipped",\
                            "change":"shipped","occurredAt":"2026-12-07T10:15:30Z","carrier":"DHL",\
                            "trackingNumber":"JD014600006281234567"}
                            """)))
    public void stream(@Parameter(description = "The id of the last event received, to resume after it")
                       @HeaderParam("Last-Event-ID") @Size(max = MAX_EVENT_ID_DIGITS)
                       @Pattern(regexp = "[0-9]{1," + MAX_EVENT_ID_DIGITS + "}") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        streams.open(caller.getSubject(),
                lastEventId == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lastEventId)),
                Instant.ofEpochSecond(caller.getExpirationTime()), new SseSink(sink, sse, sendTimeout));
    }
}
