package dev.shopstream.payments.api;

import dev.shopstream.commons.problem.ProblemMapper;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.payments.intent.OperationOutcomeUnknownException;
import dev.shopstream.payments.provider.ProviderRefusedException;
import dev.shopstream.payments.provider.ProviderUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import java.util.Map;

/**
 * Provider failures as problem documents, all 503 with Retry-After when the provider gave no answer: unreachable or
 * an open circuit (the provider did nothing); a timeout of a capture, void or refund (it may have happened: the
 * payment shows it in {@code pendingOperations} until the resolver settles it). Either way a retry with the same
 * Idempotency-Key reaches the provider under the same key. A provider's refusal of an operation is 409.
 */
public final class ProviderProblems {

    private static final String RETRY_AFTER_SECONDS = "5";
    private static final String NO_ANSWER = "The payment provider did not answer; retry with the same Idempotency-Key.";

    private ProviderProblems() {
    }

    @Provider
    public static class Unavailable extends ProblemMapper<ProviderUnavailableException> {
        @Override
        public Response toResponse(ProviderUnavailableException exception) {
            return problem(ProblemType.SERVICE_UNAVAILABLE, NO_ANSWER, Map.of("Retry-After", RETRY_AFTER_SECONDS));
        }
    }

    @Provider
    public static class NoAnswer extends ProblemMapper<FaultToleranceException> {
        @Override
        public Response toResponse(FaultToleranceException exception) {
            return problem(ProblemType.SERVICE_UNAVAILABLE, NO_ANSWER, Map.of("Retry-After", RETRY_AFTER_SECONDS));
        }
    }

    @Provider
    public static class OutcomeUnknown extends ProblemMapper<OperationOutcomeUnknownException> {
        @Override
        public Response toResponse(OperationOutcomeUnknownException exception) {
            String operation = exception.operation().kind().code();
            return problem(ProblemType.SERVICE_UNAVAILABLE, "The payment provider did not answer the " + operation
                    + " in time. The payment shows it as pending until it is settled from the provider's record; a "
                    + "retry with the same Idempotency-Key cannot " + operation + " twice.",
                    Map.of("Retry-After", RETRY_AFTER_SECONDS));
        }
    }

    @Provider
    public static class Refused extends ProblemMapper<ProviderRefusedException> {
        @Override
        public Response toResponse(ProviderRefusedException exception) {
            return problem(ProblemType.CONFLICT, "The payment provider refused: " + exception.getMessage());
        }
    }
}
