package dev.shopstream.admin.users;

import dev.shopstream.admin.client.auth.model.IntegratorCredentials;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * An integrator client's secret, just created or rotated, for the one response that shows it. Request scoped, so it
 * is gone with that response: never in the view state or the session, and never shown again (auth does not keep
 * it readable either; a lost secret is rotated).
 */
@Named
@RequestScoped
public class IssuedSecret {

    private IntegratorCredentials credentials;

    void show(IntegratorCredentials issued) {
        credentials = issued;
    }

    public boolean isShown() {
        return credentials != null;
    }

    public String getClientId() {
        return credentials == null ? null : credentials.getClientId();
    }

    public String getSecret() {
        return credentials == null ? null : credentials.getClientSecret();
    }

    public String getTokenEndpoint() {
        return credentials == null || credentials.getTokenEndpoint() == null ? null
                : credentials.getTokenEndpoint().toString();
    }
}
