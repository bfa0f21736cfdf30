package dev.shopstream.admin.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;

/** Where the console signs staff in and how it knows itself (MicroProfile Config, shopstream.admin.*). */
@ApplicationScoped
public class SignInSettings {

    static final String CALLBACK_PATH = "/signin/callback";
    static final String SIGNED_OUT_PAGE = "/signed-out.xhtml";

    @Inject
    @ConfigProperty(name = "shopstream.admin.oidc.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "shopstream.admin.oidc.client-id")
    String clientId;

    @Inject
    @ConfigProperty(name = "shopstream.admin.oidc.client-secret")
    String clientSecret;

    /** The console's own address as staff reach it (never taken from a request's Host header). */
    @Inject
    @ConfigProperty(name = "shopstream.admin.public-url")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "shopstream.admin.oidc.refresh-before")
    Duration refreshBefore;

    @Inject
    @ConfigProperty(name = "shopstream.admin.oidc.timeout")
    Duration timeout;

    URI issuer() {
        return URI.create(issuer);
    }

    String clientId() {
        return clientId;
    }

    String clientSecret() {
        return clientSecret;
    }

    URI callback() {
        return URI.create(stripSlash(publicUrl) + CALLBACK_PATH);
    }

    URI signedOutPage() {
        return URI.create(stripSlash(publicUrl) + SIGNED_OUT_PAGE);
    }

    /** How long before its expiry an access token is renewed, so no call goes out with a token about to lapse. */
    Duration refreshBefore() {
        return refreshBefore;
    }

    int timeoutMillis() {
        return Math.toIntExact(timeout.toMillis());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
