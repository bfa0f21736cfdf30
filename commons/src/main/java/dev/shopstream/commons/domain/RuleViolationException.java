package dev.shopstream.commons.domain;

/** A well-formed request that a business rule refuses, e.g. a refund above the captured amount. */
public class RuleViolationException extends DomainException {

    public RuleViolationException(String message) {
        super(message);
    }
}
