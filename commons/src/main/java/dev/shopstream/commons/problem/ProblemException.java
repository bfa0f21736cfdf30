package dev.shopstream.commons.problem;

import java.util.List;
import java.util.Map;

/**
 * The root of Shopstream's exceptions: each one names its problem type and a detail safe to show to the client.
 * {@link ProblemExceptionMapper} turns it into a problem document.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldViolation> violations;
    private final Map<String, String> headers;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldViolation> violations, Map<String, String> headers) {
        super(detail);
        this.type = type;
        this.violations = List.copyOf(violations);
        this.headers = Map.copyOf(headers);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** Response headers the problem needs, such as {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }
}
