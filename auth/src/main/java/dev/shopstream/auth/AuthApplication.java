package dev.shopstream.auth;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(info = @Info(title = "Shopstream auth", version = "1",
        description = "Sign-up, profile, sessions, staff user administration, integrator clients, data export and "
                + "erasure around Keycloak, which keeps every password. Errors are RFC 9457 problem documents "
                + "(application/problem+json)."))
public class AuthApplication extends Application {
}
