package dev.shopstream.notifications;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(info = @Info(title = "Shopstream notifications", version = "1",
        description = "The messages the platform's events cause: e-mail through SMTP and messages in the shop, "
                + "rendered from versioned templates per notice, channel and locale. Customers read and mark their "
                + "own in-app messages and choose what they receive (marketing only once they opt in; one-click "
                + "unsubscribe without sign-in); staff read the delivery log; admins edit, preview and roll back "
                + "templates and schedule marketing broadcasts to segments of customers. "
                + "Errors are RFC 9457 problem documents (application/problem+json)."))
public class NotificationsApplication extends Application {
}
