package dev.shopstream.commons.domain;

/** The entity asked for does not exist, or is not the caller's to see. */
public class UnknownEntityException extends DomainException {

    public UnknownEntityException(String message) {
        super(message);
    }
}
