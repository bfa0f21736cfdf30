package dev.shopstream.payments.intent;

/**
 * The provider did not answer a capture, void or refund in time, so whether it happened is unknown. The operation
 * is recorded as pending in the same transaction (which commits), and {@link UnknownIntentResolver} settles it.
 */
public class OperationOutcomeUnknownException extends RuntimeException {

    private final transient PendingOperation operation;

    public OperationOutcomeUnknownException(PendingOperation operation, Throwable cause) {
        super("The provider did not answer the " + operation.kind().code() + " of payment " + operation.intentId()
                + " in time", cause);
        this.operation = operation;
    }

    public PendingOperation operation() {
        return operation;
    }
}
