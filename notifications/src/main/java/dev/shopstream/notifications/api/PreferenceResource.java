package dev.shopstream.notifications.api;

import dev.shopstream.commons.problem.FieldViolation;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.notifications.preference.Category;
import dev.shopstream.notifications.preference.Preference;
import dev.shopstream.notifications.preference.Preferences;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The signed-in user's own preferences: which categories of message they receive on which channel. Transactional
 * messages are always sent by mail and in the shop, by push until switched off, by SMS once opted in; marketing only
 * on the channels the user opted in to.
 */
@Path("/notifications/preferences")
@Tag(name = "Preferences", description = "What the signed-in user receives, per category and channel")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class PreferenceResource {

    static final String CATEGORY = "transactional|marketing";
    static final String CHANNEL = "email|in-app|sms|push";
    static final int MAX_CODE_LENGTH = 13;
    /** Room for every category on every channel, sms and push included. */
    static final int MAX_PREFERENCES = 20;

    @Inject
    Preferences preferences;

    @Inject
    JsonWebToken caller;

    /** Whether the user receives a category of message on a channel. */
    public record PreferenceView(
            @Schema(enumeration = {"transactional", "marketing"}) String category,
            @Schema(enumeration = {"email", "in-app", "sms", "push"}) String channel,
            boolean enabled,
            @Schema(description = "true for transactional messages (order updates, the welcome) by email and in-app: "
                    + "they cannot be switched off") boolean alwaysOn) {
        static PreferenceView of(Preference preference) {
            return new PreferenceView(preference.category().code(), preference.channel().code(),
                    preference.enabled(), preference.category().alwaysOn(preference.channel()));
        }
    }

    /** Every category on every channel. */
    public record PreferencesView(
            @Schema(maxItems = MAX_PREFERENCES) List<PreferenceView> preferences) {
        static PreferencesView of(List<Preference> preferences) {
            return new PreferencesView(preferences.stream().map(PreferenceView::of).toList());
        }
    }

    /** One choice. */
    public record PreferenceInput(
            @NotNull @Pattern(regexp = CATEGORY) @Size(max = MAX_CODE_LENGTH)
            @Schema(example = "marketing") String category,
            @NotNull @Pattern(regexp = CHANNEL) @Size(max = MAX_CODE_LENGTH)
            @Schema(example = "email") String channel,
            @NotNull @JsonbTypeDeserializer(StrictBoolean.class) @Schema(example = "true") Boolean enabled) {
    }

    /** The user's choices; those not listed take their default. */
    public record PreferencesInput(
            @NotNull @Size(max = MAX_PREFERENCES) List<@NotNull @Valid PreferenceInput> preferences) {
    }

    @GET
    @RolesAllowed({"customer", "admin", "support"})
    @Operation(operationId = "getMyPreferences", summary = "Read my notification preferences",
            description = "For customers, admins and support: their own choice for every category on every "
                    + "channel. transactional (order updates, the welcome) is always on by email and in-app, on by "
                    + "push until switched off, and off by sms until the user opts in (messages cost and reach a "
                    + "phone); marketing (broadcasts) is off until the user opts in, channel by channel.")
    public PreferencesView get() {
        return PreferencesView.of(preferences.of(caller.getSubject()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"customer", "admin", "support"})
    @Operation(operationId = "replaceMyPreferences", summary = "Replace my notification preferences",
            description = "For customers, admins and support, on their own preferences: sets each listed "
                    + "category and channel; every one not listed goes back to its default (marketing off, "
                    + "transactional sms off, transactional push on), so a client sends all it shows. transactional "
                    + "email and in-app may be listed only as enabled: switching them off → 422 and nothing "
                    + "changes. A category and channel listed twice, an unknown category or "
                    + "channel → 400. Answers every preference as it now is.")
    @APIResponse(responseCode = "200", description = "Every preference as it now is")
    @APIResponse(responseCode = "422", description = "Transactional email or in-app was to be switched off")
    public PreferencesView replace(@NotNull @Valid PreferencesInput input) {
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < input.preferences().size(); index++) {
            PreferenceInput preference = input.preferences().get(index);
            if (!seen.add(preference.category() + "/" + preference.channel())) {
                throw new ProblemException(ProblemType.VALIDATION_FAILED, "A category and channel are listed twice.",
                        List.of(new FieldViolation("preferences[" + index + "]",
                                "lists " + preference.category() + " on " + preference.channel() + " again")),
                        Map.of());
            }
        }
        return PreferencesView.of(preferences.replace(caller.getSubject(), input.preferences().stream()
                .map(preference -> new Preference(Category.of(preference.category()),
                        Channel.of(preference.channel()), preference.enabled()))
                .toList()));
    }
}
