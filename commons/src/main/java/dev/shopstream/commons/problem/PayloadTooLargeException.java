package dev.shopstream.commons.problem;

/** The request body is larger than the endpoint accepts. */
public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(long maxBytes) {
        super(ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds the limit of " + maxBytes + " bytes.");
    }
}
