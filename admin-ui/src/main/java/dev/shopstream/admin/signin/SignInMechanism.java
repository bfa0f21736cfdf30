package dev.shopstream.admin.signin;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Signs staff in with OpenID Connect's authorization code flow against Keycloak (ADR 0011), as a Jakarta Security
 * mechanism: a request without a signed-in session is sent to Keycloak (which asks for the password and the TOTP
 * code), the callback exchanges the code, and every later request of the session is authenticated from its tokens,
 * renewed before they expire. The container then applies web.xml's constraints: only admin and support pass.
 */
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(SignInMechanism.class.getName());
    private static final String HOME = "/index.xhtml";

    @Inject
    SignInSettings settings;

    @Inject
    OpenIdProvider provider;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            if (SignInSettings.CALLBACK_PATH.equals(pathOf(request))) {
                return completeSignIn(request, response, context);
            }
            HttpSession session = request.getSession(false);
            Optional<SignedInSession> signedIn = SignedInSession.of(session);
            if (signedIn.isPresent()) {
                Optional<StaffTokens> tokens = signedIn.get().current(provider, settings.refreshBefore());
                if (tokens.isPresent()) {
                    StaffTokens staff = tokens.get();
                    request.setAttribute(StaffTokens.class.getName(), staff);
                    return context.notifyContainerAboutLogin(staff.username(), staff.roles());
                }
                session.invalidate();
            }
            return context.isProtected() ? startSignIn(request, response, context) : context.doNothing();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Keycloak could not be reached for a sign-in", e);
            return unavailable(response, context);
        }
    }

    private AuthenticationStatus startSignIn(HttpServletRequest request, HttpServletResponse response,
                                             HttpMessageContext context) throws IOException {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        PendingSignIn.remember(request.getSession(true),
                new PendingSignIn(state.getValue(), nonce.getValue(), verifier.getValue(), returnTo(request)));
        URI authorization = provider.authorizationRequest(state, nonce, verifier);
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // An Ajax request (the session ended while a page was open) cannot follow a redirect to another site:
            // Faces' partial response tells the page to go there itself.
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + authorization.toString().replace("&", "&amp;") + "\"/></partial-response>");
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.redirect(authorization.toString());
    }

    private AuthenticationStatus completeSignIn(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws IOException {
        AuthenticationResponse answer;
        try {
            answer = AuthenticationResponseParser.parse(URI.create(settings.callback() + "?"
                    + Optional.ofNullable(request.getQueryString()).orElse("")));
        } catch (ParseException e) {
            return refuse(response, context, "The sign-in answer could not be read.");
        }
        HttpSession session = request.getSession(false);
        Optional<PendingSignIn> pending = PendingSignIn.take(session,
                answer.getState() == null ? null : answer.getState().getValue());
        if (pending.isEmpty()) {
            // Not a sign-in this browser started (a replayed or forged callback), or one already completed.
            return refuse(response, context, "This sign-in was not started here or was already used.");
        }
        if (answer instanceof AuthenticationErrorResponse error) {
            return refuse(response, context, "Keycloak did not sign you in: "
                    + error.getErrorObject().getDescription());
        }
        StaffTokens tokens;
        try {
            tokens = provider.exchange(((AuthenticationSuccessResponse) answer).getAuthorizationCode(),
                    new CodeVerifier(pending.get().codeVerifier()), new Nonce(pending.get().nonce()));
        } catch (OpenIdProvider.GrantRefusedException e) {
            return refuse(response, context, "Keycloak refused the sign-in: " + e.getMessage());
        }
        // A new session id for the signed-in session: an id planted before sign-in is worth nothing after it.
        request.changeSessionId();
        SignedInSession.signIn(session, tokens);
        LOG.info(() -> tokens.username() + " signed in to the admin console with roles " + tokens.roles());
        return context.redirect(request.getContextPath() + pending.get().returnTo());
    }

    /** The page to come back to: a GET's own path and query; after a form post, the dashboard. */
    private static String returnTo(HttpServletRequest request) {
        return returnTo(request.getMethod(), pathOf(request), request.getQueryString());
    }

    /** Only a path inside the console: never another site ({@code //host}, {@code /\\host}), so no open redirect. */
    static String returnTo(String method, String path, String query) {
        if (!"GET".equals(method)) {
            return HOME;
        }
        String target = query == null ? path : path + "?" + query;
        return target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\") ? target : HOME;
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, HttpMessageContext context,
                                               String reason) throws IOException {
        LOG.info(() -> "Sign-in refused: " + reason);
        response.sendError(HttpServletResponse.SC_BAD_REQUEST, reason);
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus unavailable(HttpServletResponse response, HttpMessageContext context) {
        try {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "Sign-in is not available: Keycloak does not answer. Try again in a moment.");
        } catch (IOException e) {
            LOG.log(Level.FINE, "The browser went away", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
