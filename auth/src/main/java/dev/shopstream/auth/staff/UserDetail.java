package dev.shopstream.auth.staff;

import java.util.List;
import java.util.Set;

/**
 * One user as staff see them: the summary, shop roles, whether brute-force protection has locked the account now,
 * pending Keycloak actions and how many sessions are open.
 */
public record UserDetail(UserSummary user, Set<String> roles, boolean locked, List<String> pendingActions,
                         int openSessions) {
}
