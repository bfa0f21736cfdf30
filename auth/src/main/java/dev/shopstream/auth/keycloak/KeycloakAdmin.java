package dev.shopstream.auth.keycloak;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * Keycloak's admin API for the shop's realm, signed in as the service account of this service's own confidential
 * client (realm-management roles manage-users, view-users, query-users, manage-clients, view-realm). The admin
 * client renews its token itself; nothing connects before the first call, so the service starts without Keycloak.
 */
@ApplicationScoped
public class KeycloakAdmin {

    @Inject
    @ConfigProperty(name = "shopstream.keycloak.url")
    String serverUrl;

    @Inject
    @ConfigProperty(name = "shopstream.keycloak.realm")
    String realmName;

    @Inject
    @ConfigProperty(name = "shopstream.keycloak.client-id")
    String clientId;

    @Inject
    @ConfigProperty(name = "shopstream.keycloak.client-secret")
    String clientSecret;

    private Keycloak keycloak;

    @PostConstruct
    void connect() {
        // The admin client on the server's own Jakarta REST client, not on the RESTEasy copy it would bring.
        StandardClientProvider clients = new StandardClientProvider();
        Keycloak.setClientProvider(clients);
        keycloak = KeycloakBuilder.builder()
                .serverUrl(serverUrl)
                .realm(realmName)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .resteasyClient(clients.newRestEasyClient(null, null, false))
                .build();
    }

    public RealmResource realm() {
        return keycloak.realm(realmName);
    }

    public String realmName() {
        return realmName;
    }

    @PreDestroy
    void close() {
        keycloak.close();
    }
}
