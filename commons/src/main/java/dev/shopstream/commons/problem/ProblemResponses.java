package dev.shopstream.commons.problem;

import dev.shopstream.commons.correlation.CorrelationId;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Builds the problem-document responses all mappers and filters return. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ProblemType type, String detail, String instance) {
        return of(type, detail, instance, List.of(), Map.of());
    }

    public static Response of(ProblemType type, String detail, String instance, List<FieldViolation> violations,
                              Map<String, String> headers) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, instance,
                CorrelationId.currentId(), violations.isEmpty() ? null : violations);
        Response.ResponseBuilder response = Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem);
        headers.forEach(response::header);
        return response.build();
    }
}
