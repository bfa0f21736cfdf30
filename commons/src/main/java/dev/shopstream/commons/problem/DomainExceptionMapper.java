package dev.shopstream.commons.problem;

import dev.shopstream.commons.domain.DomainException;
import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.commons.domain.StaleVersionException;
import dev.shopstream.commons.domain.StateConflictException;
import dev.shopstream.commons.domain.UnknownEntityException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Answers a refused business rule with the problem type of its kind: 404, 409, 412 or 422. */
@Provider
public class DomainExceptionMapper extends ProblemMapper<DomainException> {

    @Override
    public Response toResponse(DomainException exception) {
        return problem(typeOf(exception), exception.getMessage());
    }

    static ProblemType typeOf(DomainException exception) {
        if (exception instanceof UnknownEntityException) {
            return ProblemType.NOT_FOUND;
        }
        if (exception instanceof StateConflictException) {
            return ProblemType.CONFLICT;
        }
        if (exception instanceof StaleVersionException) {
            return ProblemType.PRECONDITION_FAILED;
        }
        if (exception instanceof RuleViolationException) {
            return ProblemType.UNPROCESSABLE;
        }
        throw new IllegalArgumentException("No problem type for " + exception.getClass().getName());
    }
}
