package dev.shopstream.admin.signin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.text.MessageFormat;
import java.util.List;
import java.util.Set;

/**
 * Keycloak as the console's OpenID provider, spoken to with the Nimbus OAuth 2.0 SDK: the authorization request
 * (code flow with PKCE S256, state and nonce), the code and refresh grants on the back channel with the client's
 * secret, ID token validation against the realm's keys, and RP-initiated logout. The provider's metadata is read
 * from its discovery document on first use, so the console starts even while Keycloak does not.
 */
@ApplicationScoped
public class OpenIdProvider {

    @Inject
    SignInSettings settings;

    private volatile Discovered discovered;

    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    /** The provider refused a grant (an ended session, a reused or expired code or refresh token). */
    public static final class GrantRefusedException extends Exception {
        GrantRefusedException(ErrorObject error) {
            super(MessageFormat.format("{0}: {1}", error.getCode(), error.getDescription()));
        }
    }

    /** Where to send the browser to sign in. */
    URI authorizationRequest(State state, Nonce nonce, CodeVerifier verifier) throws IOException {
        return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"),
                new ClientID(settings.clientId()), settings.callback())
                .endpointURI(discovered().metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /** Exchanges the authorization code (with the PKCE verifier) and validates the ID token against the nonce. */
    StaffTokens exchange(AuthorizationCode code, CodeVerifier verifier, Nonce nonce)
            throws IOException, GrantRefusedException {
        AccessTokenResponse tokens = grant(new AuthorizationCodeGrant(code, settings.callback(), verifier));
        if (!(tokens instanceof OIDCTokenResponse oidc)) {
            throw new IOException("The provider answered the code grant without an ID token");
        }
        try {
            discovered().validator().validate(oidc.getOIDCTokens().getIDToken(), nonce);
        } catch (BadJOSEException | JOSEException e) {
            throw new IOException("The provider's ID token did not validate: " + e.getMessage(), e);
        }
        return staffTokens(tokens, oidc.getOIDCTokens().getIDTokenString());
    }

    /**
     * Renews the access token with the refresh token. Keycloak rotates refresh tokens and ends the session when one
     * is used twice, so the caller must never refresh the same tokens concurrently ({@link SignedInSession}).
     */
    StaffTokens refresh(StaffTokens current) throws IOException, GrantRefusedException {
        AccessTokenResponse tokens = grant(new RefreshTokenGrant(new RefreshToken(current.refreshToken())));
        String idToken = tokens instanceof OIDCTokenResponse oidc ? oidc.getOIDCTokens().getIDTokenString()
                : current.idToken();
        return staffTokens(tokens, idToken);
    }

    /** Where to send the browser so that Keycloak ends the session, then returns it to the signed-out page. */
    URI endSession(String idToken) throws IOException {
        try {
            return new LogoutRequest(discovered().metadata().getEndSessionEndpointURI(), JWTParser.parse(idToken),
                    settings.signedOutPage(), new State()).toURI();
        } catch (java.text.ParseException e) {
            throw new IOException("The stored ID token is not a JWT", e);
        }
    }

    private AccessTokenResponse grant(AuthorizationGrant grant) throws IOException, GrantRefusedException {
        HTTPRequest request = new TokenRequest(discovered().metadata().getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(settings.clientId()), new Secret(settings.clientSecret())), grant)
                .toHTTPRequest();
        request.setConnectTimeout(settings.timeoutMillis());
        request.setReadTimeout(settings.timeoutMillis());
        try {
            TokenResponse response = OIDCTokenResponseParser.parse(request.send());
            if (!response.indicatesSuccess()) {
                throw new GrantRefusedException(response.toErrorResponse().getErrorObject());
            }
            return response.toSuccessResponse();
        } catch (ParseException e) {
            throw new IOException("The provider's token response could not be read: " + e.getMessage(), e);
        }
    }

    /** The roles and name come from the access token, which the console received straight from the token endpoint. */
    private static StaffTokens staffTokens(AccessTokenResponse response, String idToken) throws IOException {
        String accessToken = response.getTokens().getAccessToken().getValue();
        RefreshToken refreshToken = response.getTokens().getRefreshToken();
        try {
            JWTClaimsSet claims = JWTParser.parse(accessToken).getJWTClaimsSet();
            List<String> groups = claims.getStringListClaim("groups");
            String username = claims.getStringClaim("preferred_username");
            String name = claims.getStringClaim("name");
            return new StaffTokens(username, name == null ? username : name,
                    groups == null ? Set.of() : Set.copyOf(groups), accessToken,
                    claims.getExpirationTime().toInstant(), refreshToken == null ? null : refreshToken.getValue(),
                    idToken);
        } catch (java.text.ParseException e) {
            throw new IOException("The provider's access token is not a readable JWT", e);
        }
    }

    private Discovered discovered() throws IOException {
        Discovered known = discovered;
        if (known == null) {
            try {
                OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()),
                        settings.timeoutMillis(), settings.timeoutMillis());
                IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(),
                        new ClientID(settings.clientId()), JWSAlgorithm.RS256, metadata.getJWKSetURI().toURL(),
                        new DefaultResourceRetriever(settings.timeoutMillis(), settings.timeoutMillis()));
                known = new Discovered(metadata, validator);
                discovered = known;
            } catch (GeneralException e) {
                throw new IOException("The provider's discovery document could not be read: " + e.getMessage(), e);
            }
        }
        return known;
    }
}
