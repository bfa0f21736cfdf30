package dev.shopstream.auth.integrators;

import dev.shopstream.auth.keycloak.KeycloakAdmin;
import dev.shopstream.auth.keycloak.KeycloakCalls;
import dev.shopstream.auth.keycloak.ShopRole;
import dev.shopstream.commons.audit.AuditLog;
import dev.shopstream.commons.audit.Changes;
import dev.shopstream.commons.domain.UnknownEntityException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Partner systems' OAuth2 clients: confidential, client credentials only, whose service account holds the role
 * integrator, with the audience and groups claims every Shopstream service checks. Marked with the attribute
 * {@value #MARKER}, so this API never touches the realm's other clients.
 */
@ApplicationScoped
public class IntegratorClients {

    static final String MARKER = "shopstream.integrator";
    private static final String CLIENT = "Integrator client";
    private static final String CLIENT_ID_PREFIX = "integrator-";
    private static final Logger LOG = Logger.getLogger(IntegratorClients.class.getName());

    @Inject
    KeycloakAdmin keycloak;

    @Inject
    KeycloakCalls calls;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "shopstream.keycloak.url")
    String keycloakUrl;

    public record ClientSnapshot(String clientId, String name, boolean secretRotated) {
    }

    /** Creates {@code integrator-<name>} and answers its secret; a taken name is a 409. */
    @Transactional
    public IntegratorCredentials create(String name, String description) {
        String clientId = CLIENT_ID_PREFIX + name;
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(name);
        client.setDescription(description);
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setAttributes(Map.of(MARKER, "true"));
        client.setProtocolMappers(List.of(audienceMapper(), groupsMapper()));
        String id = calls.create(CLIENT, clientId, () -> keycloak.realm().clients().create(client),
                "An integrator client named " + name + " already exists.");
        try {
            ClientResource created = keycloak.realm().clients().get(id);
            UserRepresentation serviceAccount = calls.read(CLIENT, clientId, created::getServiceAccountUser);
            calls.run(CLIENT, clientId, () -> keycloak.realm().users().get(serviceAccount.getId()).roles()
                    .realmLevel().add(List.of(keycloak.realm().roles().get(ShopRole.INTEGRATOR.roleName()).toRepresentation())));
            String secret = calls.read(CLIENT, clientId, created::getSecret).getValue();
            audit.record("integrator.created", "integrator-client", clientId,
                    Changes.between(null, new ClientSnapshot(clientId, name, false)));
            return new IntegratorCredentials(clientId, secret, tokenEndpoint());
        } catch (RuntimeException e) {
            // No transaction spans Keycloak: remove the half-made client rather than leave one without its role.
            removeQuietly(id);
            throw e;
        }
    }

    public List<IntegratorClient> list() {
        return calls.read(CLIENT, "list", () -> keycloak.realm().clients().findAll()).stream()
                .filter(IntegratorClients::isIntegrator)
                .map(IntegratorClient::of)
                .sorted(Comparator.comparing(IntegratorClient::clientId))
                .toList();
    }

    /** A new secret; the old one stops working at once. */
    @Transactional
    public IntegratorCredentials rotateSecret(String clientId) {
        ClientRepresentation client = find(clientId);
        audit.record("integrator.secret-rotated", "integrator-client", clientId,
                Changes.between(new ClientSnapshot(clientId, client.getName(), false),
                        new ClientSnapshot(clientId, client.getName(), true)));
        String secret = calls.write(CLIENT, clientId,
                () -> keycloak.realm().clients().get(client.getId()).generateNewSecret()).getValue();
        return new IntegratorCredentials(clientId, secret, tokenEndpoint());
    }

    @Transactional
    public void delete(String clientId) {
        ClientRepresentation client = find(clientId);
        audit.record("integrator.deleted", "integrator-client", clientId,
                Changes.between(new ClientSnapshot(clientId, client.getName(), false), null));
        calls.run(CLIENT, clientId, () -> keycloak.realm().clients().get(client.getId()).remove());
    }

    private ClientRepresentation find(String clientId) {
        return calls.read(CLIENT, clientId, () -> keycloak.realm().clients().findByClientId(clientId)).stream()
                .filter(IntegratorClients::isIntegrator)
                .findFirst()
                .orElseThrow(() -> new UnknownEntityException(CLIENT, clientId));
    }

    private static boolean isIntegrator(ClientRepresentation client) {
        return client.getAttributes() != null && "true".equals(client.getAttributes().get(MARKER));
    }

    private String tokenEndpoint() {
        return keycloakUrl + "/realms/" + keycloak.realmName() + "/protocol/openid-connect/token";
    }

    private void removeQuietly(String id) {
        try {
            keycloak.realm().clients().get(id).remove();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove the incomplete integrator client " + id, e);
        }
    }

    private static ProtocolMapperRepresentation audienceMapper() {
        return mapper("audience shopstream-api", "oidc-audience-mapper", Map.of(
                "included.custom.audience", "shopstream-api",
                "access.token.claim", "true",
                "id.token.claim", "false",
                "introspection.token.claim", "true"));
    }

    private static ProtocolMapperRepresentation groupsMapper() {
        return mapper("realm roles as groups", "oidc-usermodel-realm-role-mapper", Map.of(
                "claim.name", "groups",
                "multivalued", "true",
                "jsonType.label", "String",
                "access.token.claim", "true",
                "id.token.claim", "false",
                "userinfo.token.claim", "false",
                "introspection.token.claim", "true"));
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        mapper.setConfig(config);
        return mapper;
    }
}
