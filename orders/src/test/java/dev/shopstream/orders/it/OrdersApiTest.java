package dev.shopstream.orders.it;

import dev.shopstream.devstack.demo.Totp;
import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.KeycloakUsers;
import dev.shopstream.testkit.ServicePlatform;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microshed.testing.ApplicationEnvironment;
import org.microshed.testing.jupiter.MicroShedTest;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every orders integration test starts from: the platform (once per run), MicroShed's view of the orders
 * server, clients of the three services, signed-in customers of their own, and the products they buy.
 */
@ExtendWith(OrdersPlatform.class)
@MicroShedTest
abstract class OrdersApiTest {

    static ServicePlatform platform;
    static Api orders;
    static Api catalog;
    static Api payments;
    static KeycloakUsers users;

    @BeforeAll
    static void connect(ServicePlatform started) {
        platform = started;
        orders = new Api(URI.create(ApplicationEnvironment.Resolver.load().getApplicationURL() + "/"));
        catalog = new Api(started.baseUri("catalog"));
        payments = new Api(started.baseUri("payments"));
        users = new KeycloakUsers(started.keycloak());
    }

    private static String adminToken;
    private static Instant adminTokenRenewal = Instant.MIN;

    /**
     * The demo administrator's token, signed in with a TOTP code. Kept for 4 of its 5 minutes: the realm takes each
     * code once, so a sign-in per test would wait for the next code.
     */
    static synchronized String admin() {
        if (Instant.now().isAfter(adminTokenRenewal)) {
            adminToken = users.tokens().passwordWithTotp("admin", "admin-demo", Totp.DEMO_SECRET).accessToken();
            adminTokenRenewal = Instant.now().plus(Duration.ofMinutes(4));
        }
        return adminToken;
    }

    static KeycloakUsers.SignedIn customer() {
        return users.signedIn("customer");
    }

    /** A new active product priced {@code priceMinor} EUR with one SKU of {@code onHand}; returns the SKU code. */
    static String sku(long priceMinor, int onHand, String admin) {
        HttpResponse<String> product = catalog.postJson("/api/products", Json.createObjectBuilder()
                .add("name", "Orders test item").add("description", "Made by the orders integration tests")
                .add("prices", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("amountMinor", priceMinor).add("currency", "EUR"))).build().toString(), admin);
        assertThat(product.statusCode()).as(product.body()).isEqualTo(201);
        String code = "ORD-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase();
        HttpResponse<String> sku = catalog.postJson("/api/skus", Json.createObjectBuilder()
                .add("productId", Api.json(product).getString("id")).add("code", code).add("onHand", onHand)
                .build().toString(), admin);
        assertThat(sku.statusCode()).as(sku.body()).isEqualTo(201);
        return code;
    }

    static JsonObject stock(String sku, String admin) {
        return Api.json(catalog.get("/api/skus/" + sku + "/stock", admin));
    }

    static HttpResponse<String> addToCart(String sku, int quantity, String token) {
        return orders.postJson("/api/cart/items", Json.createObjectBuilder().add("sku", sku)
                .add("quantity", quantity).build().toString(), token);
    }

    static String checkoutBody(String paymentMethodToken) {
        return Json.createObjectBuilder().add("shippingAddress", Json.createObjectBuilder()
                        .add("name", "Carla Customer").add("line1", "Hauptstraße 1").add("postalCode", "10115")
                        .add("city", "Berlin").add("country", "DE"))
                .add("paymentMethodToken", paymentMethodToken).build().toString();
    }

    static HttpResponse<String> checkout(String body, String token, String idempotencyKey) {
        return orders.postJson("/api/orders", body, token, "Idempotency-Key", idempotencyKey);
    }

    /** The customer's order once {@code done} holds, read every 200 ms for at most {@code within}. */
    static JsonObject orderOnce(String orderId, String token, Predicate<JsonObject> done, Duration within)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        JsonObject order = Api.json(orders.get("/api/orders/" + orderId, token));
        while (!done.test(order) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            order = Api.json(orders.get("/api/orders/" + orderId, token));
        }
        return order;
    }

    /** A confirmed order of {@code quantity} × the SKU, bought by the customer; returns it. */
    static JsonObject confirmedOrder(String sku, int quantity, String token) throws InterruptedException {
        assertThat(addToCart(sku, quantity, token).statusCode()).isEqualTo(200);
        HttpResponse<String> placed = checkout(checkoutBody("pm_card_visa"), token, UUID.randomUUID().toString());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        JsonObject order = settled(Api.json(placed).getString("id"), token);
        assertThat(order.getString("status")).as(order.toString()).isEqualTo("confirmed");
        return order;
    }

    static JsonObject settled(String orderId, String token) throws InterruptedException {
        return orderOnce(orderId, token, order -> !order.getString("status").equals("pending"), Duration.ofSeconds(30));
    }

    /** The order's saga timeline as {@code step:outcome}; a step still running has the outcome {@code running}. */
    static List<String> steps(JsonObject order) {
        return order.getJsonArray("timeline").getValuesAs(JsonObject.class).stream()
                .map(step -> step.getString("step") + ":" + step.getString("outcome", "running")).toList();
    }

    /** Payments' intents for an order, counted in payments' own database. */
    static int intentsOf(String orderId) throws SQLException {
        try (Connection connection = platform.database("payments");
             PreparedStatement select = connection.prepareStatement(
                     "SELECT count(*) FROM payment_intent WHERE order_id = ?")) {
            select.setString(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
