package dev.shopstream.orders;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(info = @Info(title = "Shopstream orders", version = "1",
        description = "Carts, idempotent checkout and orders: an order is priced from catalog at checkout and "
                + "completed by a saga (reserve stock, authorize, commit stock, capture) that compensates on "
                + "failure; customers read their own orders, staff search them and see each saga's timeline. "
                + "Errors are RFC 9457 problem documents (application/problem+json)."))
public class OrdersApplication extends Application {
}
