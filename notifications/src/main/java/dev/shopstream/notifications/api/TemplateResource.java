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
@Tag(name = "Templates")
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
    public record TemplateView(String notice, String channel, String locale, int version, String subject,
                               String textBody, String htmlBody, String author, Instant createdAt) {
        static TemplateView of(Template template) {
            return new TemplateView(template.key().notice(), template.key().channel().code(),
                    template.key().locale(), template.version(), template.subject(), template.textBody(),
                    template.htmlBody(), template.author(), template.createdAt());
        }
    }

    /** A template's content: Mustache; {@code htmlBody} for mail only. */
    public record TemplateInput(@NotBlank @Size(max = 200) String subject,
                                @NotBlank @Size(max = 20_000) String textBody,
                                @Size(max = 100_000) String htmlBody) {
    }

    /** The version to put back in use. */
    public record RollbackInput(@NotNull @Min(1) Integer version) {
    }

    @GET
    @RolesAllowed("admin")
    @Operation(operationId = "listTemplates", summary = "List every template's version in use")
    public List<TemplateView> list() {
        return store.all().stream().map(current -> TemplateView.of(current.template())).toList();
    }

    @GET
    @Path(KEY)
    @RolesAllowed("admin")
    @Operation(operationId = "getTemplate", summary = "Read a template's version in use",
            description = "The ETag is what an edit or a rollback sends back in If-Match.")
    public Response get(@PathParam("notice") @Pattern(regexp = Keys.NOTICE) String notice,
                        @PathParam("channel") @Pattern(regexp = Keys.CHANNEL) String channel,
                        @PathParam("locale") @Pattern(regexp = Keys.LOCALE) String locale) {
        return view(templates.current(key(notice, channel, locale)));
    }

    @GET
    @Path(KEY + "/versions")
    @RolesAllowed("admin")
    @Operation(operationId = "listTemplateVersions", summary = "List a template's versions, newest first")
    public List<TemplateView> versions(@PathParam("notice") @Pattern(regexp = Keys.NOTICE) String notice,
                                       @PathParam("channel") @Pattern(regexp = Keys.CHANNEL) String channel,
                                       @PathParam("locale") @Pattern(regexp = Keys.LOCALE) String locale) {
        return templates.versions(key(notice, channel, locale)).stream().map(TemplateView::of).toList();
    }

    @PUT
    @Path(KEY)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(operationId = "editTemplate", summary = "Edit a template: a new version, in use at once",
            description = "If-Match with the template's ETag is required when the template exists; a template new "
                    + "in this locale is created without it. A template that does not compile → 422.")
    public Response edit(@PathParam("notice") @Pattern(regexp = Keys.NOTICE) String notice,
                         @PathParam("channel") @Pattern(regexp = Keys.CHANNEL) String channel,
                         @PathParam("locale") @Pattern(regexp = Keys.LOCALE) String locale,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @NotNull @Valid TemplateInput input) {
        TemplateKey key = key(notice, channel, locale);
        if (key.channel() == TemplateKey.Channel.IN_APP && input.htmlBody() != null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "In-app messages have no HTML body.",
                    List.of(new FieldViolation("htmlBody", "must be absent for channel in-app")), Map.of());
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
            description = "If-Match with the template's ETag is required. The history keeps every version.")
    public Response rollBack(@PathParam("notice") @Pattern(regexp = Keys.NOTICE) String notice,
                             @PathParam("channel") @Pattern(regexp = Keys.CHANNEL) String channel,
                             @PathParam("locale") @Pattern(regexp = Keys.LOCALE) String locale,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull @Valid RollbackInput input) {
        return view(templates.rollBack(key(notice, channel, locale), input.version(), IfMatch.required(ifMatch)));
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(operationId = "previewTemplate", summary = "Render a draft against sample data",
            description = "Nothing is stored. The sample: firstName, order (number, total, lines, refunded, reason, "
                    + "carrier, trackingNumber), sku, available, threshold. A draft that does not compile → 422.")
    public Rendered preview(@NotNull @Valid TemplateInput input) {
        return templates.preview(input.subject(), input.textBody(), input.htmlBody());
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
        static final String CHANNEL = "email|in-app";
        static final String LOCALE = "[a-z]{2}";

        private Keys() {
        }
    }
}
