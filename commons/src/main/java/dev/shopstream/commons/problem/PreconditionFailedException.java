package dev.shopstream.commons.problem;

/** The client's {@code If-Match} names a version that is no longer current. */
public class PreconditionFailedException extends ProblemException {

    public PreconditionFailedException(String detail) {
        super(ProblemType.PRECONDITION_FAILED, detail);
    }
}
