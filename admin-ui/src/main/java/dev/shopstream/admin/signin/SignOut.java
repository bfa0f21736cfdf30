package dev.shopstream.admin.signin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Optional;

/**
 * Signing out ends both sessions: the console's (logged out, invalidated) and Keycloak's (RP-initiated logout
 * with the ID token as hint, back to the signed-out page), so the next visit asks for the password and code again.
 * It is a form post, so it carries the view state: another site cannot sign a staff member out.
 */
@Named
@RequestScoped
public class SignOut {

    @Inject
    OpenIdProvider provider;

    public void signOut() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpSession session = request.getSession(false);
        Optional<StaffTokens> tokens = SignedInSession.of(session).map(SignedInSession::tokens);
        request.logout();
        // Liberty's logout may already have invalidated the session; whatever is left goes now.
        HttpSession remaining = request.getSession(false);
        if (remaining != null) {
            remaining.invalidate();
        }
        external.redirect(tokens.isPresent() ? provider.endSession(tokens.get().idToken()).toString()
                : external.getRequestContextPath() + SignInSettings.SIGNED_OUT_PAGE);
    }
}
