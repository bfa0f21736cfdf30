package dev.shopstream.auth.keycloak;

import dev.shopstream.commons.domain.StateConflictException;
import dev.shopstream.commons.domain.UnknownEntityException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.util.function.Supplier;

/**
 * Calls to Keycloak's admin API, with MicroProfile Fault Tolerance around them and Keycloak's answers turned into the
 * domain's terms, so that no JAX-RS type leaves this package: an unknown user or client is an unknown entity (404),
 * a clash a state conflict (409), an unreachable or slow Keycloak a 503 with {@code Retry-After}
 * ({@link KeycloakUnavailableException}; the policies' own exceptions are mapped by
 * {@link KeycloakUnavailableMapper}), a refused value a {@link KeycloakRefusedException} that the caller may explain;
 * anything else Keycloak refuses is our bug (a 500, logged), never passed on as if the caller had done something
 * wrong.
 *
 * <p>Every call has a timeout, shares one circuit breaker per kind (reads, writes) that opens when Keycloak keeps
 * failing, so requests fail fast instead of queueing behind it, and a bulkhead that caps the threads waiting on it.
 * Only reads are retried: a repeated write (create a user, rotate a secret) might apply twice. Values are
 * MicroProfile Config properties ({@code dev.shopstream.auth.keycloak.KeycloakCalls/read/Timeout/value}, …).
 */
@ApplicationScoped
public class KeycloakCalls {

    /**
     * An idempotent call (GET): retried on an unreachable Keycloak or a timeout.
     *
     * @param kind what the call is about, e.g. {@code "User"}, for the problem's detail
     * @param id   its id
     */
    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            retryOn = {KeycloakUnavailableException.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = {KeycloakUnavailableException.class, TimeoutException.class})
    @Bulkhead(20)
    public <T> T read(String kind, String id, Supplier<T> call) {
        return translated(kind, id, call);
    }

    /** A call that changes something in Keycloak: never retried here. */
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = {KeycloakUnavailableException.class, TimeoutException.class})
    @Bulkhead(20)
    public <T> T write(String kind, String id, Supplier<T> call) {
        return translated(kind, id, call);
    }

    /** {@link #write} of a call without a result (its own policies: a call within the bean would bypass them). */
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = {KeycloakUnavailableException.class, TimeoutException.class})
    @Bulkhead(20)
    public void run(String kind, String id, Runnable call) {
        translated(kind, id, () -> {
            call.run();
            return null;
        });
    }

    /**
     * {@link #write} of a create: returns the new object's id; when it exists already, throws a state conflict with
     * {@code conflictDetail}.
     */
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = {KeycloakUnavailableException.class, TimeoutException.class})
    @Bulkhead(20)
    public String create(String kind, String id, Supplier<Response> call, String conflictDetail) {
        try (Response response = translated(kind, id, call)) {
            if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                throw new StateConflictException(conflictDetail);
            }
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    /** {@link #write} of a delete, whose answer carries nothing. */
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = {KeycloakUnavailableException.class, TimeoutException.class})
    @Bulkhead(20)
    public void delete(String kind, String id, Supplier<Response> call) {
        translated(kind, id, call).close();
    }

    static <T> T translated(String kind, String id, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == Response.Status.BAD_REQUEST.getStatusCode()) {
                throw new KeycloakRefusedException(kind, id, e.getResponse().readEntity(String.class), e);
            }
            throw translate(kind, id, e.getResponse().getStatus(), e);
        } catch (ProcessingException e) {
            throw new KeycloakUnavailableException(e);
        }
    }

    private static RuntimeException translate(String kind, String id, int status, Exception cause) {
        return switch (status) {
            case 404 -> new UnknownEntityException(kind, id);
            case 409 -> new StateConflictException(kind + " " + id + " already exists.");
            default -> new IllegalStateException("Keycloak answered " + status + " for " + kind + " " + id, cause);
        };
    }
}
