package dev.shopstream.auth.keycloak;

import dev.shopstream.commons.problem.ConflictException;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.commons.problem.ResourceNotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Calls to Keycloak's admin API, with its answers turned into the problems this service means: an unknown user or
 * client is a 404 of ours, a clash a 409, an unreachable Keycloak a 503; anything else Keycloak refuses is our bug
 * (a 500, logged), never passed on as if the caller had done something wrong.
 */
public final class KeycloakCalls {

    private static final String RETRY_AFTER_SECONDS = "5";

    private KeycloakCalls() {
    }

    /**
     * @param kind what the call is about, e.g. {@code "User"}, for the problem's detail
     * @param id   its id
     */
    public static <T> T call(String kind, String id, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            throw translate(kind, id, e.getResponse().getStatus(), e);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    public static void run(String kind, String id, Runnable call) {
        call(kind, id, () -> {
            call.run();
            return null;
        });
    }

    /** Checks the answer of a call that returns a {@link Response} (create, delete), and closes it. */
    public static Response expect(String kind, String id, int expectedStatus, Supplier<Response> call) {
        try (Response response = call(kind, id, call)) {
            if (response.getStatus() != expectedStatus) {
                throw translate(kind, id, response.getStatus(), null);
            }
            return response;
        }
    }

    private static RuntimeException translate(String kind, String id, int status, Exception cause) {
        return switch (status) {
            case 404 -> new ResourceNotFoundException(kind, id);
            case 409 -> new ConflictException(kind + " " + id + " already exists.");
            default -> new IllegalStateException("Keycloak answered " + status + " for " + kind + " " + id, cause);
        };
    }

    private static ProblemException unreachable(ProcessingException e) {
        ProblemException problem = new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "The identity provider is not reachable; try again shortly.", List.of(),
                Map.of("Retry-After", RETRY_AFTER_SECONDS));
        problem.initCause(e);
        return problem;
    }
}
