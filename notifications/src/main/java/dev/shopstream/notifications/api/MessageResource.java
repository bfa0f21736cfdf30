package dev.shopstream.notifications.api;

import dev.shopstream.commons.domain.UnknownEntityException;
import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.notifications.message.InAppMessage;
import dev.shopstream.notifications.message.InAppMessageStore;
import dev.shopstream.notifications.notice.Notice;
import dev.shopstream.notifications.template.Rendered;
import dev.shopstream.notifications.template.TemplateKey;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

/**
 * The signed-in user's messages in the shop: their own only; another user's message is 404. Admins and support also
 * read the staff messages (e.g. a webhook endpoint was disabled), shared among them.
 */
@Path("/notifications/messages")
@Tag(name = "In-app messages", description = "The signed-in user's messages in the shop")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class MessageResource {

    @Inject
    InAppMessageStore messages;

    @Inject
    JsonWebToken caller;

    /** A message as its user sees it. */
    public record MessageView(
            UUID id,
            @Schema(maxLength = TemplateKey.MAX_NOTICE_LENGTH, example = "order.shipped",
                    description = "What happened") String notice,
            @Schema(maxLength = Rendered.MAX_SUBJECT_LENGTH, example = "Order 3F0C2A4E is on its way") String title,
            @Schema(maxLength = Rendered.MAX_TEXT_LENGTH, example = "Order 3F0C2A4E has shipped with DHL.")
            String body,
            @Schema(maxLength = Notice.MAX_ID_LENGTH, description = "The order it is about, if any, to link to")
            String orderId,
            Instant createdAt,
            @Schema(description = "When the user marked it read; absent while unread") Instant readAt) {
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
    @Operation(operationId = "listMyMessages", summary = "List my messages, newest first",
            description = "For customers, admins and support: their own in-app messages (order updates, "
                    + "the welcome), never anyone else's; admins and support also the staff's shared messages "
                    + "(e.g. a webhook endpoint was disabled). unread=true leaves out those marked read. "
                    + "Cursor paging: "
                    + "pass nextCursor back as cursor, with the same unread.")
    public Page<MessageView> list(@Parameter(description = "true: only the messages not marked read")
                                  @QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
                                  @QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH) String cursor,
                                  @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return messages.newestFirst(inbox(), unreadOnly, cursor, limit).map(MessageView::of);
    }

    @GET
    @Path("unread-count")
    @RolesAllowed({"customer", "admin", "support"})
    @Operation(operationId = "countMyUnreadMessages", summary = "Count my unread messages",
            description = "For customers, admins and support: how many of their own in-app messages are "
                    + "not marked read, e.g. for a badge in the shop's header.")
    public UnreadCount unread() {
        return new UnreadCount(messages.unread(inbox()));
    }

    @POST
    @Path("{id}/read")
    @RolesAllowed({"customer", "admin", "support"})
    @Operation(operationId = "markMyMessageRead", summary = "Mark one of my messages read",
            description = "For customers, admins and support, on their own messages only: another user's "
                    + "message, or an unknown id → 404. Answers the message with readAt set; marking a read "
                    + "message again changes nothing (readAt stays the first time).")
    public MessageView markRead(@PathParam("id") UUID id) {
        return messages.markRead(inbox(), id).map(MessageView::of)
                .orElseThrow(() -> new UnknownEntityException("Message", id));
    }

    private InAppMessageStore.Inbox inbox() {
        return new InAppMessageStore.Inbox(caller.getSubject(),
                caller.getGroups().contains("admin") || caller.getGroups().contains("support"));
    }
}
