package dev.shopstream.orders.remote;

import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Builds the Rest Client of another service: short connect timeout, the configured read timeout, signed calls. */
public final class RestClients {

    private static final long CONNECT_TIMEOUT_MILLIS = 1_000;

    private RestClients() {
    }

    public static <T> T build(Class<T> api, URI baseUri, Duration readTimeout, ServiceTokenFilter serviceToken) {
        return RestClientBuilder.newBuilder().baseUri(baseUri)
                .connectTimeout(CONNECT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .register(serviceToken)
                .build(api);
    }
}
