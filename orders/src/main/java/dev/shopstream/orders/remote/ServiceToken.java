package dev.shopstream.orders.remote;

import dev.shopstream.commons.remote.ServiceAccount;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * The access token of orders' service account ({@code shopstream-orders}, role {@code service}), from Keycloak's
 * client-credentials grant (commons {@link ServiceAccount}, which keeps it until shortly before it expires).
 */
@ApplicationScoped
public class ServiceToken {

    @Inject
    @ConfigProperty(name = "shopstream.orders.token-url")
    String tokenUrl;

    @Inject
    @ConfigProperty(name = "shopstream.orders.client-id")
    String clientId;

    @Inject
    @ConfigProperty(name = "shopstream.orders.client-secret")
    String clientSecret;

    private ServiceAccount account;

    @PostConstruct
    void configure() {
        account = new ServiceAccount(URI.create(tokenUrl), clientId, clientSecret);
    }

    /** @throws RemoteUnavailableException if Keycloak gave no token: the call is tried again later */
    public String current() {
        try {
            return account.token();
        } catch (ServiceAccount.TokenUnavailableException e) {
            throw new RemoteUnavailableException(e.getMessage(), e);
        }
    }
}
