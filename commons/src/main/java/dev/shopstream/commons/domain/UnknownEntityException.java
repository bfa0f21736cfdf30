package dev.shopstream.commons.domain;

/** The entity asked for does not exist, or is not the caller's to see. */
public class UnknownEntityException extends DomainException {

    public UnknownEntityException(String message) {
        super(message);
    }

    /** "{kind} {id} does not exist.", e.g. "Product 7f3… does not exist." */
    public UnknownEntityException(String kind, Object id) {
        super(kind + " " + id + " does not exist.");
    }
}
