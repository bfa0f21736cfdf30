package dev.shopstream.notifications.api;

import dev.shopstream.commons.domain.ExpectedVersion;
import dev.shopstream.commons.problem.FieldViolation;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.commons.web.ConditionalRequests;
import dev.shopstream.commons.web.IfMatch;
import dev.shopstream.notifications.template.Rendered;
import dev.shopstream.notifications.template.Template;
import dev.shopstream.notifications.template.TemplateKey;
import dev.shopstream.notifications.template.TemplateStore;
import dev.shopstream.notifications.template.Templates;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Templates for admins: read the version in use and the history, edit (a new version; {@code If-Match} with the
 * template's ETag), roll back to an earlier version, and preview a draft against sample data.
 */
@Path("/notifications/templates")
@Tag(name = "Templates", description = "The versioned Mustache templates messages are rendered from, for admins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class TemplateResource {

    private static final String KEY = "{notice}/{channel}/{locale}";

    @Inject
    Templates templates;

    @Inject
    TemplateStore store;

    @Inject
    JsonWebToken caller;

    /** One version of a template. */
    public record TemplateView(
            @Schema(maxLength = TemplateKey.MAX_NOTICE_LENGTH, example = "order.delivered") String notice,
            @Schema(enumeration = {"email", "in-app", "sms", "push"}) String channel,
            @Schema(maxLength = TemplateKey.MAX_LOCALE_LENGTH, example = "en") String locale,
            int version,
            @Schema(maxLength = Template.MAX_SUBJECT_LENGTH, example = "Order {{order.number}} has arrived")
            String subject,
            @Schema(maxLength = Template.MAX_TEXT_BODY_LENGTH) String textBody,
            @Schema(maxLength = Template.MAX_HTML_BODY_LENGTH, description = "Mail only; absent for in-app, sms and push")
            String htmlBody,
            @Schema(maxLength = Usernames.MAX_LENGTH, description = "Who made this version") String author,
            Instant createdAt) {
        static TemplateView of(Template template) {
            return new TemplateView(template.key().notice(), template.key().channel().code(),
                    template.key().locale(), template.version(), template.subject(), template.textBody(),
                    template.htmlBody(), template.author(), template.createdAt());
        }
    }

    /** A template's content: Mustache; {@code htmlBody} for mail only. */
    public record TemplateInput(
            @NotBlank @Size(max = Template.MAX_SUBJECT_LENGTH)
            @Schema(example = "Order {{order.number}} has arrived") String subject,
            @NotBlank @Size(max = Template.MAX_TEXT_BODY_LENGTH)
            @Schema(example = "Hi {{firstName}},\n\nyour order {{order.number}} has been delivered.\n")
            String textBody,
            @Size(max = Template.MAX_HTML_BODY_LENGTH)
            @Schema(example = "<p>Hi {{firstName}},</p><p>your order {{order.number}} has been delivered.</p>",
                    description = "Mail only: must be absent for channels in-app, sms and push") String htmlBody) {
    }

    /** The version to put back in use. */
    public record RollbackInput(@NotNull @Min(1) @Max(Integer.MAX_VALUE) @Schema(example = "3") Integer version) {
    }

    /** A draft filled in with the sample data; {@code html} is absent when the draft has no HTML body. */
    public record Preview(@Schema(maxLength = Rendered.MAX_SUBJECT_LENGTH) String subject,
                          @Schema(maxLength = Rendered.MAX_TEXT_LENGTH) String text,
                          @Schema(maxLength = Rendered.MAX_HTML_LENGTH) String html) {
        static Preview of(Rendered rendered) {
            return new Preview(rendered.subject(), rendered.text(), rendered.html());
        }
    }

    @GET
    @RolesAllowed("admin")
    @Operation(operationId = "listTemplates", summary = "List every template's version in use",
            description = "For admins. One entry per notice, channel and locale, in that order (at most "
                    + TemplateStore.MAX_TEMPLATES_LISTED + "), each the version messages are rendered from now.")
    @APIResponse(responseCode = "200", description = "The templates in use",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = TemplateView.class, maxItems = TemplateStore.MAX_TEMPLATES_LISTED)))
    public List<TemplateView> list() {
        return store.all().stream().map(current -> TemplateView.of(current.template())).toList();
    }

    @GET
    @Path(KEY)
    @RolesAllowed("admin")
    @Operation(operationId = "getTemplate", summary = "Read a template's version in use",
            description = "For admins. The version of the template for this notice, channel and locale that "
                    + "messages are rendered from now. Its ETag is what a replacement or a rollback sends back in "
                    + "If-Match. No such template → 404.")
    @APIResponse(responseCode = "200", description = "The template's version in use",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TemplateView.class)))
    public Response get(@PathParam("notice") @Pattern(regexp = Keys.NOTICE)
                        @Size(max = TemplateKey.MAX_NOTICE_LENGTH) String notice,
                        @PathParam("channel") @Pattern(regexp = Keys.CHANNEL)
                        @Size(max = Keys.MAX_CHANNEL_LENGTH) String channel,
                        @PathParam("locale") @Pattern(regexp = Keys.LOCALE)
                        @Size(max = TemplateKey.MAX_LOCALE_LENGTH) String locale) {
        return view(templates.current(key(notice, channel, locale)));
    }

    @GET
    @Path(KEY + "/versions")
    @RolesAllowed("admin")
    @Operation(operationId = "listTemplateVersions", summary = "List a template's versions, newest first",
            description = "For admins. The template's history, every edit a version (at most the newest "
                    + TemplateStore.MAX_VERSIONS_LISTED + "), to pick one to roll back to. No such template → 404.")
    @APIResponse(responseCode = "200", description = "The versions, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = TemplateView.class, maxItems = TemplateStore.MAX_VERSIONS_LISTED)))
    public List<TemplateView> versions(@PathParam("notice") @Pattern(regexp = Keys.NOTICE)
                                       @Size(max = TemplateKey.MAX_NOTICE_LENGTH) String notice,
                                       @PathParam("channel") @Pattern(regexp = Keys.CHANNEL)
                                       @Size(max = Keys.MAX_CHANNEL_LENGTH) String channel,
                                       @PathParam("locale") @Pattern(regexp = Keys.LOCALE)
                                       @Size(max = TemplateKey.MAX_LOCALE_LENGTH) String locale) {
        return templates.versions(key(notice, channel, locale)).stream().map(TemplateView::of).toList();
    }

    @PUT
    @Path(KEY)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(operationId = "replaceTemplate", summary = "Edit a template: a new version, in use at once",
            description = "For admins. Stores the content as the template's next version and renders every "
                    + "message from it from now on; the earlier versions stay in the history. If-Match with the "
                    + "template's ETag is required when the template exists (missing → 428, outdated → 412); a "
                    + "template new for this notice, channel and locale is created, as version 1, without it. An "
                    + "htmlBody for a channel other than email (in-app, sms, push) → 400; a template that does not compile "
                    + "→ 422.")
    @APIResponse(responseCode = "200", description = "The new version, now in use",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "422", description = "The subject or a body does not compile as Mustache")
    public Response edit(@PathParam("notice") @Pattern(regexp = Keys.NOTICE)
                         @Size(max = TemplateKey.MAX_NOTICE_LENGTH) String notice,
                         @PathParam("channel") @Pattern(regexp = Keys.CHANNEL)
                         @Size(max = Keys.MAX_CHANNEL_LENGTH) String channel,
                         @PathParam("locale") @Pattern(regexp = Keys.LOCALE)
                         @Size(max = TemplateKey.MAX_LOCALE_LENGTH) String locale,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @NotNull @Valid TemplateInput input) {
        TemplateKey key = key(notice, channel, locale);
        if (!key.channel().hasHtml() && input.htmlBody() != null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "Only mail has an HTML body.",
                    List.of(new FieldViolation("htmlBody", "must be absent for channel " + key.channel().code())),
                    Map.of());
        }
        ExpectedVersion expected = ifMatch == null && store.current(key).isEmpty()
                ? ExpectedVersion.any() : IfMatch.required(ifMatch);
        return view(templates.edit(key, input.subject(), input.textBody(), input.htmlBody(), caller.getName(),
                expected));
    }

    @POST
    @Path(KEY + "/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(operationId = "rollBackTemplate", summary = "Put an earlier version of a template back in use",
            description = "For admins. Messages are rendered from that version again; no version is added or "
                    + "removed. If-Match with the template's ETag is required (missing → 428, outdated → 412). No "
                    + "such template or version → 404.")
    @APIResponse(responseCode = "200", description = "The version now in use",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TemplateView.class)))
    public Response rollBack(@PathParam("notice") @Pattern(regexp = Keys.NOTICE)
                             @Size(max = TemplateKey.MAX_NOTICE_LENGTH) String notice,
                             @PathParam("channel") @Pattern(regexp = Keys.CHANNEL)
                             @Size(max = Keys.MAX_CHANNEL_LENGTH) String channel,
                             @PathParam("locale") @Pattern(regexp = Keys.LOCALE)
                             @Size(max = TemplateKey.MAX_LOCALE_LENGTH) String locale,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull @Valid RollbackInput input) {
        return view(templates.rollBack(key(notice, channel, locale), input.version(), IfMatch.required(ifMatch)));
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(operationId = "previewTemplate", summary = "Render a draft against sample data",
            description = "For admins, to see a draft before replacing a template with it; nothing is stored. The "
                    + "sample: firstName, order (id, number, status, total, refunded, reason, carrier, "
                    + "trackingNumber, lines with sku, productName, quantity and unitPrice), sku, available, "
                    + "threshold. A draft that does not compile, or renders longer than a message may be, → 422.")
    @APIResponse(responseCode = "200", description = "The draft filled in")
    @APIResponse(responseCode = "422", description = "The draft does not compile, or renders too long")
    public Preview preview(@NotNull @Valid TemplateInput input) {
        return Preview.of(templates.preview(input.subject(), input.textBody(), input.htmlBody()));
    }

    private static TemplateKey key(String notice, String channel, String locale) {
        return new TemplateKey(notice, TemplateKey.Channel.of(channel), locale);
    }

    private static Response view(TemplateStore.Current current) {
        return Response.ok(TemplateView.of(current.template()))
                .tag(ConditionalRequests.entityTag(current.rowVersion())).build();
    }

    /** What the parts of a template's path may be. */
    static final class Keys {
        static final String NOTICE = "[a-z][a-z0-9-]{0,30}(\\.[a-z][a-z0-9-]{0,30}){0,2}";
        static final String CHANNEL = "email|in-app|sms|push";
        static final int MAX_CHANNEL_LENGTH = 6;
        static final String LOCALE = "[a-z]{2}";

        private Keys() {
        }
    }
}
