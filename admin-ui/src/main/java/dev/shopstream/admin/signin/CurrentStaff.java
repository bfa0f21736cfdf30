package dev.shopstream.admin.signin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The staff member this request is for (pages show their name and hide what their role may not do), and the
 * access token the services are called with.
 */
@Named("staff")
@RequestScoped
public class CurrentStaff {

    @Inject
    HttpServletRequest request;

    private StaffTokens tokens() {
        StaffTokens tokens = (StaffTokens) request.getAttribute(StaffTokens.class.getName());
        if (tokens == null) {
            throw new IllegalStateException("No staff member is signed in on this request");
        }
        return tokens;
    }

    public boolean isSignedIn() {
        return request.getAttribute(StaffTokens.class.getName()) != null;
    }

    public String getName() {
        return tokens().displayName();
    }

    public String getUsername() {
        return tokens().username();
    }

    /** Admins change things; support staff read everything and change only what support may. */
    public boolean isAdmin() {
        return isSignedIn() && tokens().roles().contains(StaffRoles.ADMIN);
    }

    public boolean isStaff() {
        return isSignedIn() && tokens().isStaff();
    }

    public String getRole() {
        return isAdmin() ? StaffRoles.ADMIN : StaffRoles.SUPPORT;
    }

    public String accessToken() {
        return tokens().accessToken();
    }
}
