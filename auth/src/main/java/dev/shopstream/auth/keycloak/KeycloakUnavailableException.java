package dev.shopstream.auth.keycloak;

import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;

import java.util.List;
import java.util.Map;

/**
 * Keycloak could not be reached (connection refused, reset, read timeout): a 503 the client may retry, not our bug
 * and not theirs. A distinct type so that fault tolerance retries reads and counts circuit-breaker failures on it
 * alone, not on a 404 or a 409.
 */
public class KeycloakUnavailableException extends ProblemException {

    static final String RETRY_AFTER_SECONDS = "5";
    static final String DETAIL = "The identity provider is not reachable; try again shortly.";

    public KeycloakUnavailableException(Throwable cause) {
        super(ProblemType.SERVICE_UNAVAILABLE, DETAIL, List.of(), Map.of("Retry-After", RETRY_AFTER_SECONDS));
        initCause(cause);
    }
}
