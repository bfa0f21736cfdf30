package dev.shopstream.notifications.api;

import dev.shopstream.commons.domain.UnknownEntityException;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.notifications.message.InAppMessage;
import dev.shopstream.notifications.message.InAppMessageStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
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
import java.util.UUID;

/** The signed-in user's messages in the shop: their own only; another user's message is 404. */
@Path("/notifications/messages")
@Tag(name = "In-app messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class MessageResource {

    @Inject
    InAppMessageStore messages;

    @Inject
    JsonWebToken caller;

    /** A message as its user sees it. */
    public record MessageView(UUID id, String notice, String title, String body, String orderId, Instant createdAt,
                              Instant readAt) {
        static MessageView of(InAppMessage message) {
            return new MessageView(message.id(), message.notice(), message.title(), message.body(),
                    message.orderId(), message.createdAt(), message.readAt());
        }
    }

    /** How many of the user's messages are unread. */
    public record UnreadCount(long unread) {
    }

    @GET
    @RolesAllowed({"customer", "admin", "support"})
    @Operation(operationId = "listMessages", summary = "List my messages, newest first",
            description = "unread=true leaves out those marked read. Cursor paging: pass nextCursor back as cursor.")
    public Page<MessageView> list(@QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
                                  @QueryParam("cursor") @Size(max = 100) String cursor,
                                  @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return messages.newestFirst(caller.getSubject(), unreadOnly, cursor, limit).map(MessageView::of);
    }

    @GET
    @Path("unread-count")
    @RolesAllowed({"customer", "admin", "support"})
    @Operation(operationId = "countUnreadMessages", summary = "Count my unread messages")
    public UnreadCount unread() {
        return new UnreadCount(messages.unread(caller.getSubject()));
    }

    @POST
    @Path("{id}/read")
    @RolesAllowed({"customer", "admin", "support"})
    @Operation(operationId = "markMessageRead", summary = "Mark one of my messages read",
            description = "Marking a read message again changes nothing (readAt stays the first time).")
    public MessageView markRead(@PathParam("id") UUID id) {
        return messages.markRead(caller.getSubject(), id).map(MessageView::of)
                .orElseThrow(() -> new UnknownEntityException("Message", id));
    }
}
