package dev.shopstream.bench;

import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.util.Map;
import java.util.function.Supplier;

import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/** The catalog requests the simulations send, under the names the reports show. */
final class CatalogRequests {

    static final String PRODUCT_ID = "productId";
    /** The session attribute holding the signed-in user's access token. */
    static final String TOKEN = "accessToken";

    private CatalogRequests() {
    }

    /** The no-op ceiling. */
    static HttpRequestActionBuilder ping() {
        return http("ping").get("/api/ping").check(status().is(204));
    }

    /** The product page of the product in the session's {@value #PRODUCT_ID}, in euros. */
    static HttpRequestActionBuilder productDetail() {
        return http("product detail").get("/api/products/#{" + PRODUCT_ID + "}")
                .queryParam("currency", "EUR")
                .check(status().is(200));
    }

    /** {@link #productDetail()} read with the access token in the session's {@value #TOKEN}. */
    static HttpRequestActionBuilder productDetailSignedIn() {
        return http("product detail, signed in").get("/api/products/#{" + PRODUCT_ID + "}")
                .queryParam("currency", "EUR")
                .header("Authorization", "Bearer #{" + TOKEN + "}")
                .check(status().is(200));
    }

    /** A page of the listing, or of search hits, with parameters drawn anew for every request. */
    static HttpRequestActionBuilder list(String name, Supplier<Map<String, Object>> parameters) {
        return http(name).get("/api/products").queryParamMap(session -> parameters.get()).check(status().is(200));
    }

    static HttpRequestActionBuilder search(String name, Supplier<Map<String, Object>> parameters) {
        return http(name).get("/api/search").queryParamMap(session -> parameters.get()).check(status().is(200));
    }

    /**
     * Keeps a product of the page for the next detail request, as a shopper clicks one; a page without hits (a
     * narrow filter) leaves a product from anywhere in the catalog, as a shopper arriving from a link.
     */
    static CheckBuilder pickProduct(CatalogSample sample) {
        return jsonPath("$.items[*].id").findRandom().withDefault(session -> sample.randomProductId())
                .saveAs(PRODUCT_ID);
    }
}
