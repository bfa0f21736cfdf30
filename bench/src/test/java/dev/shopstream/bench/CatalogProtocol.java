package dev.shopstream.bench;

import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.net.URI;

import static io.gatling.javaapi.http.HttpDsl.http;

/** How every simulation talks to the catalog. */
final class CatalogProtocol {

    private CatalogProtocol() {
    }

    /**
     * Shoppers reach the service through a router that keeps its connections open, so virtual users share one
     * connection pool instead of opening one each; no HTTP cache, so every detail is a full 200 response; no
     * warm-up request to Gatling's default internet address (the simulations warm the catalog up themselves).
     */
    static HttpProtocolBuilder of(URI catalog) {
        return http.baseUrl(catalog.toString())
                .acceptHeader("application/json")
                .shareConnections()
                .disableCaching()
                .disableWarmUp();
    }
}
