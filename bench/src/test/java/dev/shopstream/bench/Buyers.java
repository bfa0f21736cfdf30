package dev.shopstream.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What the checkout benchmarks buy and who buys it, made before measuring: an active product with one SKU of the
 * stock asked for (through the catalog's admin API), and signed-in customers (the {@link SignInUsers}, each signed
 * in once; their tokens last 5 minutes). Settings as in {@link BenchSettings}: {@code catalog.url},
 * {@code keycloak.url}, {@code keycloakAdmin.user} / {@code keycloakAdmin.password}, and the staff sign-in of
 * {@link ReservationSettings}.
 */
record Buyers(String sku, long priceMinor, List<String> tokens) {

    static final long PRICE_MINOR = 1990;

    static Buyers prepare(String runId, String purpose, int stock, int customers) {
        URI catalog = BenchSettings.url("catalog.url", "http://localhost:9082");
        URI keycloak = BenchSettings.url("keycloak.url", "http://localhost:8180");
        CatalogAdmin admin = new CatalogAdmin(catalog, new KeycloakToken(ReservationSettings.load()));
        String sku = ("BENCH-" + purpose + "-" + runId).toUpperCase();
        String product = admin.createActiveProduct("bench-" + purpose + "-" + runId, "Bench " + purpose + " item",
                PRICE_MINOR);
        admin.addSku(product, sku, stock, 0);
        URI tokenEndpoint = keycloak.resolve("/realms/shopstream/protocol/openid-connect/token");
        List<String> tokens = new ArrayList<>();
        for (String username : new SignInUsers(keycloak, "shopstream").ensure(customers,
                BenchSettings.text("keycloakAdmin.user", "admin"), BenchSettings.text("keycloakAdmin.password", "admin"))) {
            tokens.add(new KeycloakToken(tokenEndpoint, "shopstream-dev", username, SignInUsers.PASSWORD).current());
        }
        return new Buyers(sku, PRICE_MINOR, List.copyOf(tokens));
    }

    /** The checkout body every benchmark buyer sends; {@code lines} null buys the cart. */
    static String checkoutBody(String lines) {
        return """
                {"shippingAddress":{"name":"Bench Buyer","line1":"Hauptstr. 1","postalCode":"10115","city":"Berlin",\
                "country":"DE"},"paymentMethodToken":"pm_card_visa"%s}""".formatted(lines == null ? ""
                : ",\"currency\":\"EUR\",\"lines\":" + lines);
    }
}
