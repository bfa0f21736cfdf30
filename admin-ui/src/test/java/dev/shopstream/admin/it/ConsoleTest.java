package dev.shopstream.admin.it;

import dev.shopstream.devstack.demo.Totp;
import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.KeycloakUsers;
import dev.shopstream.testkit.ServicePlatform;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser test starts from: the platform (once per run), clients of the services to check what the
 * console did, and the realm's demo staff, who sign in with a TOTP code each. The realm takes each code once per
 * user, so every sign-in, the browser's and the API's, takes its code from one {@link KeycloakUsers}.
 */
@ExtendWith(ConsolePlatform.class)
abstract class ConsoleTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-demo";
    static final String SUPPORT = "support";
    static final String SUPPORT_PASSWORD = "support-demo";

    /** A failed test leaves what the browser showed in the screenshots folder as failed-Class-method.png/.html. */
    @RegisterExtension
    static final TestWatcher EVIDENCE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            Browser.saveEvidence("failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
    };

    static ServicePlatform platform;
    static Api catalog;
    static Api orders;
    private static KeycloakUsers users;
    private static String adminToken;
    private static Instant adminTokenRenewal = Instant.MIN;

    @BeforeAll
    static void connect(ServicePlatform started) {
        platform = started;
        catalog = new Api(started.baseUri("catalog"));
        orders = new Api(started.baseUri("orders"));
        if (users == null) {
            users = new KeycloakUsers(started.keycloak());
        }
    }

    /** The browser a test class left open closes after its last test. */
    @AfterAll
    static void closeBrowser() {
        Browser.closeOpen();
    }

    static Browser browser() {
        return new Browser(platform.baseUri());
    }

    static KeycloakUsers users() {
        return users;
    }

    /** A code of the demo staff's authenticator that no sign-in has used yet. */
    static String totp() {
        return users.tokens().nextTotpCode(Totp.DEMO_SECRET);
    }

    /** The demo administrator's API token, for preparing and checking what the browser does; kept 4 of its 5 minutes. */
    static synchronized String adminToken() {
        if (Instant.now().isAfter(adminTokenRenewal)) {
            adminToken = users.tokens().passwordWithTotp(ADMIN, ADMIN_PASSWORD, Totp.DEMO_SECRET).accessToken();
            adminTokenRenewal = Instant.now().plus(Duration.ofMinutes(4));
        }
        return adminToken;
    }

    /** A new active product with one SKU of {@code onHand}, priced {@code priceMinor} EUR; returns the SKU code. */
    static String sku(String name, long priceMinor, int onHand) {
        HttpResponse<String> product = catalog.postJson("/api/products", Json.createObjectBuilder()
                .add("name", name).add("description", "Made by the console's browser tests")
                .add("prices", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("amountMinor", priceMinor).add("currency", "EUR"))).build().toString(), adminToken());
        assertThat(product.statusCode()).as(product.body()).isEqualTo(201);
        String code = "UI-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase();
        HttpResponse<String> sku = catalog.postJson("/api/skus", Json.createObjectBuilder()
                .add("productId", Api.json(product).getString("id")).add("code", code).add("onHand", onHand)
                .build().toString(), adminToken());
        assertThat(sku.statusCode()).as(sku.body()).isEqualTo(201);
        return code;
    }

    /** A confirmed and paid order of {@code quantity} × the SKU, bought by the customer; returns it. */
    static JsonObject confirmedOrder(String sku, int quantity, String customerToken) throws InterruptedException {
        HttpResponse<String> added = orders.postJson("/api/cart/items", Json.createObjectBuilder().add("sku", sku)
                .add("quantity", quantity).build().toString(), customerToken);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        HttpResponse<String> placed = orders.postJson("/api/orders", Json.createObjectBuilder()
                .add("shippingAddress", Json.createObjectBuilder().add("name", "Carla Customer")
                        .add("line1", "Hauptstraße 1").add("postalCode", "10115").add("city", "Berlin")
                        .add("country", "DE"))
                .add("paymentMethodToken", "pm_card_visa").build().toString(), customerToken,
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        String id = Api.json(placed).getString("id");
        JsonObject order = Api.json(orders.get("/api/orders/" + id, customerToken));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (order.getString("status").equals("pending") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            order = Api.json(orders.get("/api/orders/" + id, customerToken));
        }
        assertThat(order.getString("status")).as(order.toString()).isEqualTo("confirmed");
        return order;
    }
}
