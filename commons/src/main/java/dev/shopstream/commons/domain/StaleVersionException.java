package dev.shopstream.commons.domain;

/** The change was based on a version of the entity that is no longer current (optimistic locking). */
public class StaleVersionException extends DomainException {

    public StaleVersionException(String message) {
        super(message);
    }
}
