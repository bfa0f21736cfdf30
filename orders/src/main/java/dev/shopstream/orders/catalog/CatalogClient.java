package dev.shopstream.orders.catalog;

import dev.shopstream.orders.remote.RestClients;
import dev.shopstream.orders.remote.ServiceTokenFilter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;

/** The Rest Client of catalog, signed with the service account's token. */
@ApplicationScoped
public class CatalogClient {

    @Inject
    @ConfigProperty(name = "shopstream.orders.catalog-url")
    URI catalogUrl;

    @Inject
    @ConfigProperty(name = "shopstream.orders.remote.read-timeout", defaultValue = "PT4S")
    Duration readTimeout;

    @Inject
    ServiceTokenFilter serviceToken;

    private CatalogApi api;

    @PostConstruct
    void build() {
        api = RestClients.build(CatalogApi.class, catalogUrl, readTimeout, serviceToken);
    }

    CatalogApi api() {
        return api;
    }
}
