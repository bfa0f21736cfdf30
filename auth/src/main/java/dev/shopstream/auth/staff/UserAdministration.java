package dev.shopstream.auth.staff;

import dev.shopstream.auth.events.UserEvents;
import dev.shopstream.auth.keycloak.KeycloakAdmin;
import dev.shopstream.auth.keycloak.KeycloakCalls;
import dev.shopstream.auth.keycloak.ShopRole;
import dev.shopstream.commons.audit.AuditLog;
import dev.shopstream.commons.audit.Changes;
import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.commons.problem.FieldViolation;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Staff administration of users: search, view, roles (admins), disable / enable and force logout. Support staff may
 * act only on customers; an account holding any other shop role is an admin's business (403). Every change leaves an
 * audit record, and the ones other services care about an event.
 */
@ApplicationScoped
public class UserAdministration {

    private static final String USER = "User";
    private static final String AUDIT_ENTITY = "user";

    public record RolesSnapshot(Set<String> roles) {
    }

    public record AccessSnapshot(boolean enabled) {
    }

    public record SessionsSnapshot(int openSessions) {
    }

    @Inject
    KeycloakAdmin keycloak;

    @Inject
    KeycloakCalls calls;

    @Inject
    AuditLog audit;

    @Inject
    UserEvents events;

    /**
     * Users whose user name, e-mail, first or last name contain {@code query} (every user without one), in Keycloak's
     * order; the cursor is the offset of the next page.
     */
    public Page<UserSummary> search(String query, String cursor, int limit) {
        int offset = cursor == null ? 0 : offsetOf(cursor);
        List<UserRepresentation> fetched = calls.read(USER, "search", () -> query == null || query.isBlank()
                ? keycloak.realm().users().search(null, offset, limit + 1, true)
                : keycloak.realm().users().search(query.strip(), offset, limit + 1, true));
        return Page.of(fetched.stream().map(UserSummary::of).toList(), limit,
                last -> Cursor.of(Integer.toString(offset + limit)));
    }

    public UserDetail view(String userId) {
        UserResource user = user(userId);
        UserRepresentation representation = calls.read(USER, userId, user::toRepresentation);
        Map<String, Object> bruteForce = calls.read(USER, userId,
                () -> keycloak.realm().attackDetection().bruteForceUserStatus(userId));
        int sessions = calls.read(USER, userId, user::getUserSessions).size();
        return new UserDetail(UserSummary.of(representation), shopRoles(userId),
                Boolean.TRUE.equals(bruteForce.get("disabled")),
                representation.getRequiredActions() == null ? List.of() : representation.getRequiredActions(), sessions);
    }

    /** Gives the user exactly {@code roles} among the shop roles; Keycloak's and other roles stay as they are. */
    @Transactional
    public Set<String> changeRoles(String userId, Set<String> roles, String changedBy) {
        Set<String> wanted = validRoles(roles);
        Set<String> before = shopRoles(userId);
        Set<String> added = new TreeSet<>(wanted);
        added.removeAll(before);
        Set<String> removed = new TreeSet<>(before);
        removed.removeAll(wanted);
        if (added.isEmpty() && removed.isEmpty()) {
            return before;
        }
        audit.record("user.roles-changed", AUDIT_ENTITY, userId,
                Changes.between(new RolesSnapshot(before), new RolesSnapshot(wanted)));
        events.rolesChanged(new UserEvents.RolesChanged(userId, wanted, added, removed, changedBy, Instant.now()));
        var realmRoles = user(userId).roles().realmLevel();
        if (!added.isEmpty()) {
            calls.run(USER, userId, () -> realmRoles.add(representations(added)));
        }
        if (!removed.isEmpty()) {
            calls.run(USER, userId, () -> realmRoles.remove(representations(removed)));
        }
        return wanted;
    }

    @Transactional
    public void setEnabled(String userId, boolean enabled, boolean callerIsAdmin, String changedBy) {
        UserResource user = user(userId);
        UserRepresentation representation = calls.read(USER, userId, user::toRepresentation);
        requireMayActOn(userId, callerIsAdmin);
        boolean before = Boolean.TRUE.equals(representation.isEnabled());
        if (before == enabled) {
            return;
        }
        audit.record(enabled ? "user.enabled" : "user.disabled", AUDIT_ENTITY, userId,
                Changes.between(new AccessSnapshot(before), new AccessSnapshot(enabled)));
        UserEvents.AccessChanged event = new UserEvents.AccessChanged(userId, changedBy, Instant.now());
        if (enabled) {
            events.enabled(event);
        } else {
            events.disabled(event);
        }
        representation.setEnabled(enabled);
        calls.run(USER, userId, () -> user.update(representation));
        if (!enabled) {
            // A disabled account's refresh tokens already stop working; its sessions end now, not at their expiry.
            calls.run(USER, userId, user::logout);
        }
    }

    @Transactional
    public void logout(String userId, boolean callerIsAdmin) {
        UserResource user = user(userId);
        int sessions = calls.read(USER, userId, user::getUserSessions).size();
        requireMayActOn(userId, callerIsAdmin);
        audit.record("user.logged-out", AUDIT_ENTITY, userId,
                Changes.between(new SessionsSnapshot(sessions), new SessionsSnapshot(0)));
        calls.run(USER, userId, user::logout);
    }

    private void requireMayActOn(String userId, boolean callerIsAdmin) {
        if (callerIsAdmin) {
            return;
        }
        Set<String> roles = shopRoles(userId);
        roles.remove(ShopRole.CUSTOMER.roleName());
        if (!roles.isEmpty()) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Support staff may act on customer accounts only; this account holds " + roles + ".");
        }
    }

    private static Set<String> validRoles(Set<String> roles) {
        List<FieldViolation> unknown = roles.stream().filter(role -> ShopRole.of(role).isEmpty())
                .map(role -> new FieldViolation("roles", "'" + role + "' is not a shop role (" + ShopRole.names() + ")"))
                .toList();
        if (!unknown.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "Only shop roles can be assigned.", unknown, Map.of());
        }
        return new TreeSet<>(roles);
    }

    private List<RoleRepresentation> representations(Set<String> roleNames) {
        return roleNames.stream()
                .map(name -> calls.read("Role", name, () -> keycloak.realm().roles().get(name).toRepresentation()))
                .toList();
    }

    private Set<String> shopRoles(String userId) {
        List<RoleRepresentation> roles = calls.read(USER, userId, () -> user(userId).roles().realmLevel().listAll());
        return new TreeSet<>(ShopRole.among(roles.stream().map(RoleRepresentation::getName).toList()));
    }

    private UserResource user(String userId) {
        return keycloak.realm().users().get(userId);
    }

    private static int offsetOf(String cursor) {
        try {
            int offset = Integer.parseInt(Cursor.decode(cursor, 1).keys().get(0));
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // not a cursor this service issued: the problem below
        }
        throw Cursor.invalid();
    }
}
