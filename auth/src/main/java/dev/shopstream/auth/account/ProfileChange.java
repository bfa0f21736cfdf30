package dev.shopstream.auth.account;

/** The profile fields a user may change themselves; {@code null} leaves a field as it is. */
public record ProfileChange(String firstName, String lastName, String locale) {
}
