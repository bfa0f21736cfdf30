package dev.shopstream.payments.api;

import dev.shopstream.commons.problem.ProblemResponses;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.payments.provider.ProviderRefusedException;
import dev.shopstream.payments.provider.ProviderUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import java.util.List;
import java.util.Map;

/**
 * Provider failures as problem documents: no answer (timeout, open circuit, unreachable) is 503 with Retry-After —
 * nothing was recorded, and a retry with the same Idempotency-Key reaches the provider under the same key; a
 * provider's refusal of an operation is 409.
 */
public final class ProviderProblems {

    private static final String RETRY_AFTER_SECONDS = "5";

    private ProviderProblems() {
    }

    @Provider
    public static class Unavailable implements ExceptionMapper<ProviderUnavailableException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(ProviderUnavailableException exception) {
            return unavailable(uriInfo);
        }
    }

    @Provider
    public static class NoAnswer implements ExceptionMapper<FaultToleranceException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(FaultToleranceException exception) {
            return unavailable(uriInfo);
        }
    }

    @Provider
    public static class Refused implements ExceptionMapper<ProviderRefusedException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(ProviderRefusedException exception) {
            return ProblemResponses.of(ProblemType.CONFLICT, "The payment provider refused: " + exception.getMessage(),
                    uriInfo.getRequestUri().getPath());
        }
    }

    private static Response unavailable(UriInfo uriInfo) {
        return ProblemResponses.of(ProblemType.SERVICE_UNAVAILABLE,
                "The payment provider did not answer; retry with the same Idempotency-Key.",
                uriInfo.getRequestUri().getPath(), List.of(), Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }
}
