package dev.shopstream.commons.problem;

/** A well-formed, valid request that a business rule refuses (e.g. a refund above the captured amount). */
public class UnprocessableException extends ProblemException {

    public UnprocessableException(String detail) {
        super(ProblemType.UNPROCESSABLE, detail);
    }
}
