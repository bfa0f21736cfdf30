package dev.shopstream.orders.api;

import dev.shopstream.commons.problem.ProblemMapper;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.orders.remote.RemoteUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import java.util.Map;

/**
 * A service orders needs to answer a request (catalog prices carts and checkouts; payments refunds) gave no answer:
 * 503 with Retry-After. Nothing was stored, and a retried checkout with the same Idempotency-Key is served afresh.
 */
public final class RemoteProblems {

    private static final String RETRY_AFTER_SECONDS = "5";
    private static final String DETAIL = "A service this request needs did not answer; retry shortly (a checkout "
            + "with the same Idempotency-Key).";

    private RemoteProblems() {
    }

    @Provider
    public static class Unavailable extends ProblemMapper<RemoteUnavailableException> {
        @Override
        public Response toResponse(RemoteUnavailableException exception) {
            return problem(ProblemType.SERVICE_UNAVAILABLE, DETAIL, Map.of("Retry-After", RETRY_AFTER_SECONDS));
        }
    }

    @Provider
    public static class NoAnswer extends ProblemMapper<FaultToleranceException> {
        @Override
        public Response toResponse(FaultToleranceException exception) {
            return problem(ProblemType.SERVICE_UNAVAILABLE, DETAIL, Map.of("Retry-After", RETRY_AFTER_SECONDS));
        }
    }
}
