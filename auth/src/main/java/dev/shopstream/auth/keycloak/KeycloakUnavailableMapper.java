package dev.shopstream.auth.keycloak;

import dev.shopstream.commons.problem.ProblemResponses;
import dev.shopstream.commons.problem.ProblemType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A Keycloak call that fault tolerance cut short — timed out, refused by the open circuit breaker or by a full
 * bulkhead — is answered like an unreachable Keycloak: 503 with {@code Retry-After}, not a 500 or a hanging request.
 * Keycloak is the only dependency in this service behind fault tolerance.
 */
@Provider
public class KeycloakUnavailableMapper implements ExceptionMapper<FaultToleranceException> {

    private static final Logger LOG = Logger.getLogger(KeycloakUnavailableMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(FaultToleranceException exception) {
        LOG.warning(() -> "Keycloak call cut short: " + exception);
        return ProblemResponses.of(ProblemType.SERVICE_UNAVAILABLE, KeycloakUnavailableException.DETAIL,
                uriInfo == null ? null : uriInfo.getRequestUri().getPath(), List.of(),
                Map.of("Retry-After", KeycloakUnavailableException.RETRY_AFTER_SECONDS));
    }
}
