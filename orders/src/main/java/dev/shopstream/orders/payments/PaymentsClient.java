package dev.shopstream.orders.payments;

import dev.shopstream.orders.remote.RestClients;
import dev.shopstream.orders.remote.ServiceTokenFilter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;

/** The Rest Client of payments, signed with the service account's token. */
@ApplicationScoped
public class PaymentsClient {

    @Inject
    @ConfigProperty(name = "shopstream.orders.payments-url")
    URI paymentsUrl;

    @Inject
    @ConfigProperty(name = "shopstream.orders.remote.read-timeout", defaultValue = "PT4S")
    Duration readTimeout;

    @Inject
    ServiceTokenFilter serviceToken;

    private PaymentsApi api;

    @PostConstruct
    void build() {
        api = RestClients.build(PaymentsApi.class, paymentsUrl, readTimeout, serviceToken);
    }

    PaymentsApi api() {
        return api;
    }
}
