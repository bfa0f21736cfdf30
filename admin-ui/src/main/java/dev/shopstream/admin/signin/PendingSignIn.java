package dev.shopstream.admin.signin;

import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A sign-in under way: what the callback must find again (the state it was sent with, the nonce the ID token must
 * carry, the PKCE verifier) and the console page to return to. A session holds a few at once (tabs sent to Keycloak
 * together); the oldest is dropped beyond that, and each is used once.
 *
 * @param returnTo a path inside the console, never an absolute URL (no open redirect after sign-in)
 */
record PendingSignIn(String state, String nonce, String codeVerifier, String returnTo) implements Serializable {

    private static final String ATTRIBUTE = PendingSignIn.class.getName();
    private static final int MAX_PER_SESSION = 5;

    static void remember(HttpSession session, PendingSignIn pending) {
        synchronized (PendingSignIn.class) {
            pendings(session).put(pending.state(), pending);
        }
    }

    static Optional<PendingSignIn> take(HttpSession session, String state) {
        if (session == null || state == null) {
            return Optional.empty();
        }
        synchronized (PendingSignIn.class) {
            return Optional.ofNullable(pendings(session).remove(state));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, PendingSignIn> pendings(HttpSession session) {
        Map<String, PendingSignIn> pendings = (Map<String, PendingSignIn>) session.getAttribute(ATTRIBUTE);
        if (pendings == null) {
            pendings = new Oldest();
            session.setAttribute(ATTRIBUTE, pendings);
        }
        return pendings;
    }

    private static final class Oldest extends LinkedHashMap<String, PendingSignIn> {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PendingSignIn> eldest) {
            return size() > MAX_PER_SESSION;
        }
    }
}
