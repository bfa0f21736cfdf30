package dev.shopstream.auth.keycloak;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import org.keycloak.admin.client.spi.ResteasyClientProvider;

import javax.net.ssl.SSLContext;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Keycloak admin client on the server's Jakarta REST client (Liberty's) instead of the RESTEasy client it
 * brings: see the README's "class loading" section for why.
 */
public final class StandardClientProvider implements ResteasyClientProvider {

    private static final long CONNECT_TIMEOUT_SECONDS = 5;
    private static final long READ_TIMEOUT_SECONDS = 20;

    @Override
    public Client newRestEasyClient(Object customJacksonProvider, SSLContext sslContext, boolean disableTrustManager) {
        ClientBuilder builder = ClientBuilder.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .readTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .register(new JacksonJson());
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        return builder.build();
    }

    @Override
    public <R> R targetProxy(WebTarget target, Class<R> targetClass) {
        return JaxRsInterfaceProxy.create(target, targetClass);
    }
}
