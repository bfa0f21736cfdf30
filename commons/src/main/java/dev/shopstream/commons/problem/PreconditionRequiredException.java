package dev.shopstream.commons.problem;

/** An update arrived without the {@code If-Match} header that protects it from lost updates. */
public class PreconditionRequiredException extends ProblemException {

    public PreconditionRequiredException(String detail) {
        super(ProblemType.PRECONDITION_REQUIRED, detail);
    }
}
