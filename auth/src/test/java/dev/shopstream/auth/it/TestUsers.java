package dev.shopstream.auth.it;

import dev.shopstream.devstack.node.KeycloakNode;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Users made directly in Keycloak by the master realm's administrator, for tests that are not about sign-up: each
 * test gets users of its own, so tests never share state.
 */
final class TestUsers implements AutoCloseable {

    static final String PASSWORD = "correct horse battery staple";

    record TestUser(String id, String username, String email) {
    }

    private final Keycloak admin;

    TestUsers(KeycloakNode keycloak) {
        admin = KeycloakBuilder.builder()
                .serverUrl(keycloak.baseUri().toString())
                .realm("master")
                .clientId("admin-cli")
                .username(KeycloakNode.ADMIN_USERNAME)
                .password(KeycloakNode.ADMIN_PASSWORD)
                .build();
    }

    RealmResource realm() {
        return admin.realm(KeycloakNode.REALM);
    }

    /** A verified, enabled user holding {@code roles}, with password {@link #PASSWORD}. */
    TestUser create(String... roles) {
        String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(name);
        user.setEmail(name + "@example.test");
        user.setFirstName("Test");
        user.setLastName(name);
        user.setEnabled(true);
        user.setEmailVerified(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        String id;
        try (Response response = realm().users().create(user)) {
            id = CreatedResponseUtil.getCreatedId(response);
        }
        if (roles.length > 0) {
            realm().users().get(id).roles().realmLevel().add(List.of(roles).stream()
                    .map(role -> realm().roles().get(role).toRepresentation()).toList());
        }
        return new TestUser(id, name, name + "@example.test");
    }

    /**
     * A confidential client with a service account holding {@code role}, made for one test; answers its secret.
     *
     * @param audience    the audience its tokens carry (services accept only {@code shopstream-api})
     * @param attributes  client attributes, e.g. {@code access.token.lifespan}
     */
    String serviceClient(String clientId, String audience, String role, Map<String, String> attributes) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setEnabled(true);
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setAttributes(attributes);
        client.setProtocolMappers(List.of(
                mapper("audience", "oidc-audience-mapper", Map.of("included.custom.audience", audience,
                        "access.token.claim", "true")),
                mapper("groups", "oidc-usermodel-realm-role-mapper", Map.of("claim.name", "groups",
                        "multivalued", "true", "jsonType.label", "String", "access.token.claim", "true"))));
        String id;
        try (Response response = realm().clients().create(client)) {
            id = CreatedResponseUtil.getCreatedId(response);
        }
        UserRepresentation serviceAccount = realm().clients().get(id).getServiceAccountUser();
        realm().users().get(serviceAccount.getId()).roles().realmLevel()
                .add(List.of(realm().roles().get(role).toRepresentation()));
        return realm().clients().get(id).getSecret().getValue();
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        mapper.setConfig(config);
        return mapper;
    }

    @Override
    public void close() {
        admin.close();
    }
}
