package dev.shopstream.payments;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(info = @Info(title = "Shopstream payments", version = "1",
        description = "Payment intents (authorize, capture, void, refund) behind a provider, and the provider's "
                + "signed webhooks. Card numbers are never accepted: clients send a provider payment-method token. "
                + "Errors are RFC 9457 problem documents (application/problem+json)."))
public class PaymentsApplication extends Application {
}
