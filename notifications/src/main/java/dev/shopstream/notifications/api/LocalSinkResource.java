package dev.shopstream.notifications.api;

import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.notifications.notice.Notice;
import dev.shopstream.notifications.provider.LocalSink;
import dev.shopstream.notifications.provider.SinkMessage;
import dev.shopstream.notifications.push.Device;
import dev.shopstream.notifications.sms.PhoneNumbers;
import dev.shopstream.notifications.template.Rendered;
import dev.shopstream.notifications.template.TemplateKey;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the local sink recorded instead of sending (SMS and push where the provider is {@code local}, as in local
 * development and tests), for staff: the texts as they would have gone out, recipients masked.
 */
@Path("/notifications/local-sink")
@Tag(name = "Local sink", description = "SMS and push notifications recorded instead of sent, for staff")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class LocalSinkResource {

    @Inject
    LocalSink sink;

    /** One message as it would have been sent. */
    public record SinkMessageView(
            UUID id,
            @Schema(description = "Its delivery in the delivery log") UUID deliveryId,
            @Schema(enumeration = {"sms", "push"}) String channel,
            @Schema(maxLength = Notice.MAX_ID_LENGTH, description = "The user it went to") String userId,
            @Schema(maxLength = TemplateKey.MAX_NOTICE_LENGTH, example = "order.shipped") String notice,
            @Schema(maxLength = 7, example = "+49*******67",
                    description = "The phone number masked, or the device token's last six characters")
            String recipient,
            @Schema(enumeration = {"ios", "android", "web"}, description = "push only") String platform,
            @Schema(maxLength = Rendered.MAX_SUBJECT_LENGTH,
                    description = "The push notification's title; for SMS the log's label, not sent") String title,
            @Schema(maxLength = Rendered.MAX_TEXT_LENGTH) String text,
            Instant recordedAt) {
        static SinkMessageView of(SinkMessage message) {
            String recipient = message.channel() == Channel.SMS ? PhoneNumbers.masked(message.recipient())
                    : Device.masked(message.recipient());
            return new SinkMessageView(message.id(), message.deliveryId(), message.channel().code(),
                    message.userId(), message.notice(), recipient, message.platform(), message.title(),
                    message.body(), message.createdAt());
        }
    }

    @GET
    @RolesAllowed({"admin", "support"})
    @Operation(operationId = "listLocalSinkMessages", summary = "List what the local sink recorded, newest first",
            description = "For admins and support. The SMS and push notifications the local sink recorded instead "
                    + "of sending them (shopstream.notifications.sms.provider and ….push.provider local, the "
                    + "default of local development and tests; empty where a real provider sends them), with "
                    + "their texts and the recipients masked. channel (sms or push) and userId narrow the list; an "
                    + "unknown channel → 400. Cursor paging: pass nextCursor back as cursor, with the same filters.")
    public Page<SinkMessageView> list(@Parameter(description = "sms or push")
                                      @QueryParam("channel") @Pattern(regexp = "sms|push") @Size(max = 4)
                                      String channel,
                                      @Parameter(description = "The user's id (the sub of their tokens)")
                                      @QueryParam("userId") @Size(max = Notice.MAX_ID_LENGTH) String userId,
                                      @QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH) String cursor,
                                      @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return sink.newestFirst(Optional.ofNullable(channel).map(Channel::of), Optional.ofNullable(userId), cursor,
                limit).map(SinkMessageView::of);
    }
}
