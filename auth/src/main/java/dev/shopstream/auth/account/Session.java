package dev.shopstream.auth.account;

import org.keycloak.representations.idm.UserSessionRepresentation;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A Keycloak session (one sign-in, shared by the clients it signed in to). */
public record Session(String id, String ipAddress, Instant startedAt, Instant lastAccessAt, Set<String> clients,
                      boolean current) {

    static Session of(UserSessionRepresentation session, String currentSessionId) {
        return new Session(session.getId(), session.getIpAddress(), Instant.ofEpochMilli(session.getStart()),
                Instant.ofEpochMilli(session.getLastAccess()),
                session.getClients() == null ? Set.of() : new TreeSet<>(session.getClients().values()),
                session.getId().equals(currentSessionId));
    }
}
