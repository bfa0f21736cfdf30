package dev.shopstream.auth.account;

import dev.shopstream.auth.events.UserEvents;
import dev.shopstream.auth.keycloak.KeycloakAdmin;
import dev.shopstream.auth.keycloak.KeycloakCalls;
import dev.shopstream.auth.keycloak.KeycloakRefusedException;
import dev.shopstream.auth.keycloak.ShopRole;
import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.commons.domain.UnknownEntityException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A user's own account: profile, sessions, export and erasure. Every method takes the id of the signed-in user
 * (the token's subject), so nobody reaches another's account through it.
 */
@ApplicationScoped
public class Accounts {

    private static final String USER = "User";

    @Inject
    KeycloakAdmin keycloak;

    @Inject
    KeycloakCalls calls;

    @Inject
    UserAccounts accounts;

    @Inject
    UserEvents events;

    /**
     * The profile; the first time it shows a verified address of an account this service registered, the event
     * {@code email-verified} is written (Keycloak itself announces nothing).
     */
    @Transactional
    public Profile profile(String userId) {
        UserRepresentation user = representation(userId);
        if (Boolean.TRUE.equals(user.isEmailVerified()) && accounts.verified(userId)) {
            events.emailVerified(new UserEvents.EmailVerified(userId, Instant.now()));
        }
        return Profile.of(user, shopRoles(userId));
    }

    public Profile change(String userId, ProfileChange change) {
        UserResource resource = user(userId);
        UserRepresentation user = calls.read(USER, userId, resource::toRepresentation);
        if (change.firstName() != null) {
            user.setFirstName(change.firstName());
        }
        if (change.lastName() != null) {
            user.setLastName(change.lastName());
        }
        if (change.locale() != null) {
            Map<String, List<String>> attributes = new HashMap<>(user.getAttributes() == null ? Map.of() : user.getAttributes());
            attributes.put("locale", List.of(change.locale()));
            user.setAttributes(attributes);
        }
        try {
            calls.run(USER, userId, () -> resource.update(user));
        } catch (KeycloakRefusedException e) {
            // Keycloak's user profile refused a value our validation let through (e.g. a locale the realm lacks).
            throw new RuleViolationException("The profile cannot be saved: " + e.answer());
        }
        return Profile.of(representation(userId), shopRoles(userId));
    }

    public List<Session> sessions(String userId, String currentSessionId) {
        return calls.read(USER, userId, () -> user(userId).getUserSessions()).stream()
                .map(session -> Session.of(session, currentSessionId))
                .sorted(Comparator.comparing(Session::startedAt))
                .toList();
    }

    /** When one of the user's sessions began (their sign-in), if it is still open. */
    public Optional<Instant> sessionStart(String userId, String sessionId) {
        return calls.read(USER, userId, () -> user(userId).getUserSessions()).stream()
                .filter(session -> session.getId().equals(sessionId))
                .map(session -> Instant.ofEpochMilli(session.getStart()))
                .findFirst();
    }

    /** Ends one of the user's own sessions; another user's session id is unknown here (404). */
    public void endSession(String userId, String sessionId) {
        boolean own = calls.read(USER, userId, () -> user(userId).getUserSessions()).stream()
                .anyMatch(session -> session.getId().equals(sessionId));
        if (!own) {
            throw new UnknownEntityException("Session", sessionId);
        }
        calls.run("Session", sessionId, () -> keycloak.realm().deleteSession(sessionId, false));
    }

    public void endAllSessions(String userId) {
        calls.run(USER, userId, () -> user(userId).logout());
    }

    public AccountExport export(String userId, String currentSessionId) {
        UserRepresentation user = representation(userId);
        Map<String, List<String>> attributes = user.getAttributes() == null ? Map.of() : user.getAttributes();
        List<AccountExport.CredentialSummary> credentials = calls.read(USER, userId, () -> user(userId).credentials())
                .stream()
                .map(credential -> new AccountExport.CredentialSummary(credential.getType(), credential.getUserLabel(),
                        credential.getCreatedDate() == null ? null : Instant.ofEpochMilli(credential.getCreatedDate())))
                .toList();
        return new AccountExport(Instant.now(), Profile.of(user, shopRoles(userId)), attributes, credentials,
                user.getRequiredActions() == null ? List.of() : user.getRequiredActions(),
                sessions(userId, currentSessionId));
    }

    /**
     * Deletes the Keycloak user and announces {@code deleted}, so the other services anonymise what they keep. The
     * event is written first and the deletion runs inside the same transaction: if Keycloak refuses, nothing is
     * announced.
     */
    @Transactional
    public void erase(String userId) {
        events.deleted(new UserEvents.Deleted(userId, Instant.now()));
        accounts.forget(userId);
        calls.run(USER, userId, () -> user(userId).remove());
    }

    private UserRepresentation representation(String userId) {
        return calls.read(USER, userId, () -> user(userId).toRepresentation());
    }

    private Set<String> shopRoles(String userId) {
        List<RoleRepresentation> roles = calls.read(USER, userId,
                () -> user(userId).roles().realmLevel().listEffective());
        return ShopRole.among(roles.stream().map(RoleRepresentation::getName).toList());
    }

    private UserResource user(String userId) {
        return keycloak.realm().users().get(userId);
    }
}
