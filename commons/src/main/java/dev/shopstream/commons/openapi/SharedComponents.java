package dev.shopstream.commons.openapi;

import dev.shopstream.commons.web.IfMatch;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.servers.Server;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parts of the document every service shares, defined once under {@code components}. */
final class SharedComponents {

    static final String SECURITY_SCHEME = "keycloak";

    /** The shared header parameters by their reference, with the header each one is. */
    static final Map<String, String> HEADER_PARAMETERS = Map.of(
            OpenApiRefs.IDEMPOTENCY_KEY, "Idempotency-Key",
            OpenApiRefs.IDEMPOTENCY_KEY_REQUIRED, "Idempotency-Key",
            OpenApiRefs.IF_MATCH, "If-Match");

    private SharedComponents() {
    }

    static void addTo(Components components, String issuer) {
        components.addSecurityScheme(SECURITY_SCHEME, keycloak(issuer));
        components.addParameter("IdempotencyKey", idempotencyKey(false));
        components.addParameter("IdempotencyKeyRequired", idempotencyKey(true));
        components.addParameter("IfMatch", OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER)
                .required(true).description("The ETag of the representation this change is based on, as the last "
                        + "read returned it (or *). Missing → 428; changed by someone else since → 412: read again.")
                .schema(string(IfMatch.MAX_LENGTH)));
        components.addHeader("RateLimit-Limit", integerHeader("Requests this client may send in a burst"));
        components.addHeader("RateLimit-Remaining", integerHeader("Requests this client has left in its burst"));
        components.addHeader("RateLimit-Reset", integerHeader("Seconds until the client's burst is fully "
                + "available again"));
        components.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before trying "
                + "again").schema(integer(0, 3600)));
        components.addHeader("WWW-Authenticate", OASFactory.createHeader().description("The bearer challenge, "
                + "e.g. Bearer realm=\"MP-JWT\", error=\"invalid_token\"").schema(string(500)));
        components.addHeader("ETag", OASFactory.createHeader().description("The representation's version. A strong "
                + "tag (\"7\") is what If-Match sends back to change it; a weak one (W/\"…\", the public product "
                + "page) revalidates a cached copy with If-None-Match").schema(string(44)
                .pattern("^(W/)?\"[0-9a-f-]{1,40}\"$")));
        components.addSchema(StandardProblemResponses.PROBLEM_SCHEMA, StandardProblemResponses.problemSchema());
    }

    /** Removes the shared parameters and headers no operation of this document refers to. */
    static void dropUnused(OpenAPI openAPI, List<Operation> operations) {
        Set<String> used = new HashSet<>();
        for (Operation operation : operations) {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> used.add(parameter.getRef()));
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().stream()
                        .filter(response -> response.getHeaders() != null)
                        .forEach(response -> response.getHeaders().values()
                                .forEach(header -> used.add(header.getRef())));
            }
        }
        Components components = openAPI.getComponents();
        Map.copyOf(components.getParameters()).keySet().stream()
                .filter(name -> !used.contains("#/components/parameters/" + name))
                .forEach(components::removeParameter);
        Map.copyOf(components.getHeaders()).keySet().stream()
                .filter(name -> !used.contains("#/components/headers/" + name))
                .forEach(components::removeHeader);
    }

    /** The header parameters resources declare by hand, replaced by the shared definitions. */
    static void useSharedParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.setParameters(operation.getParameters().stream().map(parameter -> {
            if (parameter.getRef() != null || parameter.getIn() != Parameter.In.HEADER) {
                return parameter;
            }
            if ("If-Match".equalsIgnoreCase(parameter.getName())) {
                return OASFactory.createParameter().ref(OpenApiRefs.IF_MATCH);
            }
            if ("Idempotency-Key".equalsIgnoreCase(parameter.getName())) {
                return OASFactory.createParameter().ref(Boolean.TRUE.equals(parameter.getRequired())
                        ? OpenApiRefs.IDEMPOTENCY_KEY_REQUIRED : OpenApiRefs.IDEMPOTENCY_KEY);
            }
            return parameter;
        }).toList());
    }

    /** The header a parameter is, following a shared reference; null for any other parameter. */
    static String headerName(Parameter parameter) {
        if (parameter.getRef() != null) {
            return HEADER_PARAMETERS.get(parameter.getRef());
        }
        return parameter.getIn() == Parameter.In.HEADER ? parameter.getName() : null;
    }

    /** Relative, so the document names whichever deployment serves it. */
    static Server server() {
        return OASFactory.createServer().url("/").description("The deployment that serves this document: local, "
                        + "staging or production").addExtension("x-internal", false);
    }

    private static SecurityScheme keycloak(String issuer) {
        String endpoints = issuer + "/protocol/openid-connect";
        OAuthFlow clientCredentials = OASFactory.createOAuthFlow().tokenUrl(endpoints + "/token")
                .refreshUrl(endpoints + "/token").scopes(Map.of());
        OAuthFlow authorizationCode = OASFactory.createOAuthFlow().authorizationUrl(endpoints + "/auth")
                .tokenUrl(endpoints + "/token").refreshUrl(endpoints + "/token")
                .scopes(Map.of("openid", "Sign in with OpenID Connect"));
        return OASFactory.createSecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("An access token (a JWT, RS256, audience shopstream-api, five minutes) from the "
                        + "Keycloak realm shopstream, sent as Authorization: Bearer. Integrators and services use "
                        + "the client credentials flow with the client id and secret staff issued them; people sign "
                        + "in with the authorization code flow with PKCE (S256). Roles are the token's groups claim: "
                        + "customer, support, admin, integrator, service. Tokens are validated as RFC8725 "
                        + "recommends: the algorithm is fixed, and issuer, audience and expiry are checked.")
                .flows(OASFactory.createOAuthFlows().clientCredentials(clientCredentials)
                        .authorizationCode(authorizationCode));
    }

    private static Parameter idempotencyKey(boolean required) {
        return OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER).required(required)
                .description("A key the client chooses per intended operation, 1 to 255 visible ASCII characters. A "
                        + "retry with the same key and body gets the first answer again and has no further effect; "
                        + "the same key with another body → 422; while the first is still running → 409."
                        + (required ? " Required: missing → 400." : ""))
                .schema(string(255).minLength(1).pattern("^[\\x21-\\x7E]{1,255}$"))
                .example("3f2c8e1a-checkout-1");
    }

    private static Header integerHeader(String description) {
        return OASFactory.createHeader().description(description).schema(integer(0, Integer.MAX_VALUE));
    }

    static Schema string(int maxLength) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(maxLength);
    }

    static Schema integer(long minimum, long maximum) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                .minimum(BigDecimal.valueOf(minimum)).maximum(BigDecimal.valueOf(maximum));
    }
}
