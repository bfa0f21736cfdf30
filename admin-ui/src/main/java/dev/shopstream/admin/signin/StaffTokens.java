package dev.shopstream.admin.signin;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What Keycloak issued for one signed-in staff member: the access token the console calls the services with, the
 * refresh token that renews it, and the ID token that ends the Keycloak session on sign-out.
 *
 * @param roles the realm roles in the access token's {@code groups} claim
 */
public record StaffTokens(String username, String displayName, Set<String> roles, String accessToken,
                          Instant accessTokenExpiry, String refreshToken, String idToken) implements Serializable {

    boolean expireWithin(Duration margin, Instant now) {
        return !accessTokenExpiry.isAfter(now.plus(margin));
    }

    /** Staff may use the console; a customer or integrator who signs in is refused. */
    public boolean isStaff() {
        return roles.contains(StaffRoles.ADMIN) || roles.contains(StaffRoles.SUPPORT);
    }
}
