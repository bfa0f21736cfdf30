package dev.shopstream.notifications.api;

import dev.shopstream.commons.domain.UnknownEntityException;
import dev.shopstream.notifications.push.Device;
import dev.shopstream.notifications.push.DeviceStore;
import dev.shopstream.notifications.push.Devices;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
import java.util.UUID;

/**
 * The signed-in user's devices for push notifications: the app registers its installation's token, lists and
 * unregisters them; another user's device is 404. Tokens are shown by their last characters only.
 */
@Path("/notifications/devices")
@Tag(name = "Devices", description = "The signed-in user's app installations that receive push notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class DeviceResource {

    private static final String PLATFORM = "ios|android|web";

    @Inject
    Devices devices;

    @Inject
    DeviceStore store;

    @Inject
    JsonWebToken caller;

    @Context
    UriInfo uriInfo;

    /** An app installation to register. */
    public record DeviceInput(
            @NotNull @Pattern(regexp = PLATFORM) @Size(max = 7) @Schema(example = "ios") String platform,
            @NotNull @Size(min = Device.MIN_TOKEN_LENGTH, max = Device.MAX_TOKEN_LENGTH)
            @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
            @Schema(example = "f3c1a9e27b5d4c0a8e6f1b2d3c4a5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d",
                    description = "The push provider's token for this installation (APNs, FCM, a Web Push "
                            + "subscription), as the app received it") String token) {
    }

    /** A registered device; the token only by its last six characters. */
    public record DeviceView(
            UUID id,
            @Schema(enumeration = {"ios", "android", "web"}) String platform,
            @Schema(maxLength = 7, example = "…7e8f9a", description = "The token's last six characters")
            String tokenEnding,
            Instant createdAt,
            @Schema(description = "When the app registered it last") Instant lastRegisteredAt) {
        static DeviceView of(Device device) {
            return new DeviceView(device.id(), device.platform().code(), device.maskedToken(), device.createdAt(),
                    device.lastRegisteredAt());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"customer", "admin", "support"})
    @Operation(operationId = "registerMyDevice", summary = "Register this app installation for push notifications",
            description = "For customers, admins and support, for themselves. A token registered already by the "
                    + "caller is registered again (200, the same id; the platform is updated); a token another "
                    + "user had registered moves to the caller (the app is signed in as them now). At most 10 "
                    + "devices per user by default: one more → 422. A platform other than ios, android or web, a "
                    + "token shorter than 16 or longer than 4,096 characters or with spaces → 400.")
    @APIResponse(responseCode = "201", description = "Registered; Location names it",
            content = @Content(schema = @Schema(implementation = DeviceView.class)))
    @APIResponse(responseCode = "200", description = "Registered already: the device as it is now",
            content = @Content(schema = @Schema(implementation = DeviceView.class)))
    @APIResponse(responseCode = "422", description = "The user has as many devices as they may")
    public Response register(@NotNull @Valid DeviceInput input) {
        Devices.Registration registration = devices.register(caller.getSubject(),
                Device.Platform.of(input.platform()), input.token());
        DeviceView view = DeviceView.of(registration.device());
        if (!registration.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uriInfo.getAbsolutePathBuilder().path(view.id().toString()).build())
                .entity(view).build();
    }

    @GET
    @RolesAllowed({"customer", "admin", "support"})
    @Operation(operationId = "listMyDevices", summary = "List my devices, newest first",
            description = "For customers, admins and support: their own devices registered for push, never "
                    + "anyone else's.")
    @APIResponse(responseCode = "200", description = "My devices",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = DeviceView.class, maxItems = Devices.MAX_PER_USER)))
    public List<DeviceView> list() {
        return store.of(caller.getSubject()).stream().map(DeviceView::of).toList();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({"customer", "admin", "support"})
    @Operation(operationId = "unregisterMyDevice", summary = "Unregister one of my devices",
            description = "For customers, admins and support, on their own devices: it receives nothing more "
                    + "(push notifications still waiting for it are given up). Another user's device or an "
                    + "unknown id → 404.")
    @APIResponse(responseCode = "204", description = "Unregistered")
    public Response delete(@PathParam("id") UUID id) {
        if (!store.delete(id, caller.getSubject())) {
            throw new UnknownEntityException("Device", id);
        }
        return Response.noContent().build();
    }
}
