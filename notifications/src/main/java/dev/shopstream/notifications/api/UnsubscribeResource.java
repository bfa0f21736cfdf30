package dev.shopstream.notifications.api;

import dev.shopstream.commons.problem.FieldViolation;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.notifications.preference.InvalidSubscriptionException;
import dev.shopstream.notifications.preference.Preference;
import dev.shopstream.notifications.preference.Preferences;
import dev.shopstream.notifications.preference.Subscription;
import dev.shopstream.notifications.preference.SubscriptionSigner;
import dev.shopstream.notifications.preference.UnsubscribeLinks;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/**
 * One-click unsubscribe (RFC 8058) from the link in marketing mail's {@code List-Unsubscribe} header: no sign-in,
 * the signed subscription in the link is the authority. A POST switches that category off on that channel (again:
 * no change); a GET only shows a page to confirm with, since mail scanners follow links. A link this shop did not
 * sign, or one altered after signing, changes nothing.
 */
@Path("/notifications/unsubscribe")
@Tag(name = "Unsubscribe", description = "One-click unsubscribe from marketing mail (RFC 8058), without sign-in")
@RequestScoped
public class UnsubscribeResource {

    /** The longest page {@link #confirm} answers. */
    private static final int MAX_PAGE_LENGTH = 4_000;

    @Inject
    UnsubscribeLinks links;

    @Inject
    Preferences preferences;

    /** What the link unsubscribes from, and whether that user still receives it. */
    public record SubscriptionView(
            @Schema(enumeration = {"marketing"}) String category,
            @Schema(enumeration = {"email", "in-app"}) String channel,
            @Schema(description = "false once unsubscribed") boolean subscribed) {
        static SubscriptionView of(Preference preference) {
            return new SubscriptionView(preference.category().code(), preference.channel().code(),
                    preference.enabled());
        }
    }

    @POST
    @PermitAll
    @SecurityRequirementsSet
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "unsubscribe", summary = "Unsubscribe in one click (RFC 8058)",
            description = "Anyone with the link, without a token: what a mail client's unsubscribe button posts "
                    + "(body List-Unsubscribe=One-Click, read or not). Switches the link's category off on its "
                    + "channel for its user; posting again changes nothing. A subscription that is not one this "
                    + "shop signed → 400; one whose signature does not match → 403; nothing changes then.")
    @APIResponse(responseCode = "200", description = "Unsubscribed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "422", description = "The link names a category that is always sent")
    public SubscriptionView unsubscribe(@Parameter(description = "The signed subscription the link carries")
                                        @QueryParam(UnsubscribeLinks.PARAMETER) @NotNull
                                        @Size(max = SubscriptionSigner.MAX_LENGTH) String subscription) {
        return SubscriptionView.of(preferences.unsubscribe(verified(subscription)));
    }

    @GET
    @PermitAll
    @SecurityRequirementsSet
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "confirmUnsubscribe", summary = "Show the page that confirms an unsubscribe",
            description = "Anyone with the link, without a token: a page saying what the link unsubscribes from, "
                    + "with a button that posts it. Changes nothing (mail scanners open links). A subscription "
                    + "that is not one this shop signed → 400; one whose signature does not match → 403.")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = MediaType.TEXT_HTML,
                    schema = @Schema(type = SchemaType.STRING, maxLength = MAX_PAGE_LENGTH)))
    public String confirm(@Parameter(description = "The signed subscription the link carries")
                          @QueryParam(UnsubscribeLinks.PARAMETER) @NotNull
                          @Size(max = SubscriptionSigner.MAX_LENGTH) String subscription) {
        Subscription verified = verified(subscription);
        String what = verified.category().code() + " messages by " + verified.channel().code();
        String body = preferences.subscribed(verified)
                ? "<p>You receive " + what + " from Shopstream.</p>"
                + "<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                + "<button type=\"submit\">Unsubscribe</button></form>"
                : "<p>You no longer receive " + what + " from Shopstream.</p>";
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unsubscribe</title></head>"
                + "<body><h1>Unsubscribe</h1>" + body + "</body></html>";
    }

    private Subscription verified(String subscription) {
        try {
            return links.verify(subscription);
        } catch (InvalidSubscriptionException e) {
            if (e.forged()) {
                throw new ProblemException(ProblemType.FORBIDDEN, e.getMessage());
            }
            throw new ProblemException(ProblemType.VALIDATION_FAILED, e.getMessage(),
                    List.of(new FieldViolation(UnsubscribeLinks.PARAMETER, "is not a subscription this shop signed")),
                    Map.of());
        }
    }
}
