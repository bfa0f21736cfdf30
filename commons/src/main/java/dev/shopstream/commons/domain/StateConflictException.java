package dev.shopstream.commons.domain;

/** The request clashes with the entity's current state: a duplicate unique value, an illegal transition. */
public class StateConflictException extends DomainException {

    public StateConflictException(String message) {
        super(message);
    }
}
