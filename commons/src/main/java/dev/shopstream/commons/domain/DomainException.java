package dev.shopstream.commons.domain;

/**
 * A business rule refused what was asked. The domain throws these without knowing about HTTP; each service's
 * {@code api} layer (through commons {@code DomainExceptionMapper}) turns them into problem documents.
 * The message is safe to show to the client.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
