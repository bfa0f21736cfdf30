package dev.shopstream.devstack.node;

/** Where and as whom an application signs in to one database of the local PostgreSQL. */
public record DatabaseLogin(String jdbcUrl, String user, String password) {
}
