package dev.shopstream.payments.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** The provider implementations deployed, by name, and which one new intents go to. */
@ApplicationScoped
public class PaymentProviders {

    @Inject
    @Any
    Instance<PaymentProvider> providers;

    @Inject
    @ConfigProperty(name = "shopstream.payments.provider", defaultValue = "sandbox")
    String activeProvider;

    public String activeProvider() {
        return activeProvider;
    }

    public Optional<PaymentProvider> named(String name) {
        return providers.stream().filter(provider -> provider.name().equals(name)).findFirst();
    }

    public PaymentProvider require(String name) {
        return named(name).orElseThrow(() -> new IllegalStateException("No payment provider named " + name));
    }
}
