package dev.shopstream.catalog;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(info = @Info(title = "Shopstream catalog", version = "1",
        description = "Products and their prices. Reads are public; writes need the admin role. Errors are RFC 9457 "
                + "problem documents (application/problem+json)."))
public class CatalogApplication extends Application {
}
