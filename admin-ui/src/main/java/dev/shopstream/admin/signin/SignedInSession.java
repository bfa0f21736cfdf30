package dev.shopstream.admin.signin;

import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tokens of the staff member signed in on one HTTP session, renewed one request at a time: Keycloak rotates
 * refresh tokens and ends the whole session when one is presented twice, so two requests of the same session (two
 * tabs, parallel Ajax calls) must not both refresh.
 */
final class SignedInSession implements Serializable {

    private static final String ATTRIBUTE = SignedInSession.class.getName();
    private static final Logger LOG = Logger.getLogger(SignedInSession.class.getName());

    private StaffTokens tokens;

    private SignedInSession(StaffTokens tokens) {
        this.tokens = tokens;
    }

    static void signIn(HttpSession session, StaffTokens tokens) {
        session.setAttribute(ATTRIBUTE, new SignedInSession(tokens));
    }

    static Optional<SignedInSession> of(HttpSession session) {
        return session == null ? Optional.empty()
                : Optional.ofNullable((SignedInSession) session.getAttribute(ATTRIBUTE));
    }

    synchronized StaffTokens tokens() {
        return tokens;
    }

    /**
     * The tokens, renewed first when the access token expires within {@code margin}; empty when Keycloak refused to
     * renew them (the session ended there: signed out elsewhere, forced logout, idle or maximum lifespan reached).
     * While Keycloak does not answer, the tokens in hand are kept: the services judge whether they still hold.
     */
    synchronized Optional<StaffTokens> current(OpenIdProvider provider, Duration margin) {
        if (tokens.expireWithin(margin, Instant.now()) && tokens.refreshToken() != null) {
            try {
                tokens = provider.refresh(tokens);
            } catch (OpenIdProvider.GrantRefusedException e) {
                LOG.info(() -> "Keycloak refused to renew " + tokens.username() + "'s tokens: " + e.getMessage());
                return Optional.empty();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not renew " + tokens.username() + "'s tokens; keeping them", e);
            }
        }
        return Optional.of(tokens);
    }
}
