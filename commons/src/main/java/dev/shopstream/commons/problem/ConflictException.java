package dev.shopstream.commons.problem;

/** The request clashes with the current state, e.g. a duplicate unique value or an illegal state transition. */
public class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        super(ProblemType.CONFLICT, detail);
    }
}
