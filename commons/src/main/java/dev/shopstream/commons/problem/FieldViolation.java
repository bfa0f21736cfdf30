package dev.shopstream.commons.problem;

/** One invalid input field: its JSON path (e.g. {@code price.currency}) or query parameter, and what is wrong. */
public record FieldViolation(String field, String message) {
}
