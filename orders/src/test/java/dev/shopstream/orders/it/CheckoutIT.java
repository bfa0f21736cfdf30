package dev.shopstream.orders.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.KeycloakUsers;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkout against real catalog, payments, Keycloak, PostgreSQL and Kafka: the saga's outcomes, and after each the
 * invariants: stock on hand plus sold is what it was, no reservation is left holding stock, and what was captured
 * minus refunded is what confirmed orders cost.
 */
class CheckoutIT extends OrdersApiTest {

    @Test
    void aCheckoutIsConfirmedChargedOnceAndSellsTheStock() throws Exception {
        String admin = admin();
        String sku = sku(1250, 5, admin);
        KeycloakUsers.SignedIn carla = customer();
        assertThat(addToCart(sku, 2, carla.token()).statusCode()).isEqualTo(200);
        JsonObject cart = Api.json(orders.get("/api/cart", carla.token()));
        assertThat(cart.getJsonNumber("subtotalMinor").longValue()).isEqualTo(2500);
        assertThat(cart.getJsonArray("lines").getJsonObject(0).getInt("available")).isEqualTo(5);

        HttpResponse<String> placed = checkout(checkoutBody("pm_card_visa"), carla.token(), UUID.randomUUID().toString());

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        JsonObject pending = Api.json(placed);
        assertThat(pending.getString("status")).isEqualTo("pending");
        assertThat(pending.getJsonNumber("totalMinor").longValue()).as("2 × 12.50 + 4.95 shipping").isEqualTo(2995);
        String orderId = pending.getString("id");
        assertThat(placed.headers().firstValue("Location").orElseThrow()).endsWith("/api/orders/" + orderId);
        JsonObject confirmed = settled(orderId, carla.token());
        assertThat(confirmed.getString("status")).as(confirmed.toString()).isEqualTo("confirmed");
        assertThat(confirmed.getJsonNumber("capturedMinor").longValue()).isEqualTo(2995);
        assertThat(steps(confirmed)).containsExactly("reserve_stock:done", "authorize_payment:done", "commit_stock:done",
                        "capture_payment:done");
        JsonObject stock = stock(sku, admin);
        assertThat(stock.getInt("onHand")).as("2 sold").isEqualTo(3);
        assertThat(stock.getInt("reserved")).isZero();
        assertThat(Api.json(orders.get("/api/cart", carla.token())).getJsonArray("lines")).as("cart emptied").isEmpty();
        assertThat(intentsOf(orderId)).isEqualTo(1);
        JsonObject payment = Api.json(payments.get("/api/payments/intents/" + confirmed.getString("paymentId"),
                carla.token()));
        assertThat(payment.getString("status")).isEqualTo("captured");
        assertThat(payment.getJsonNumber("capturedMinor").longValue()).isEqualTo(2995);
    }

    @Test
    void doubleSubmitsWithOneKeyMakeOneOrderAndOneCharge() throws Exception {
        String sku = sku(990, 10, admin());
        KeycloakUsers.SignedIn carla = customer();
        addToCart(sku, 1, carla.token());
        String key = UUID.randomUUID().toString();
        String body = checkoutBody("pm_card_visa");

        ExecutorService clicks = Executors.newFixedThreadPool(4);
        List<Integer> statuses;
        try {
            List<Callable<HttpResponse<String>>> submits = List.of(() -> checkout(body, carla.token(), key),
                    () -> checkout(body, carla.token(), key), () -> checkout(body, carla.token(), key));
            List<HttpResponse<String>> answers = clicks.invokeAll(submits).stream().map(CheckoutIT::get).toList();
            statuses = answers.stream().map(HttpResponse::statusCode).toList();
            List<String> ids = answers.stream().filter(answer -> answer.statusCode() == 202)
                    .map(answer -> Api.json(answer).getString("id")).distinct().toList();
            assertThat(ids).as(statuses.toString()).hasSize(1);
            assertThat(settled(ids.get(0), carla.token()).getString("status")).isEqualTo("confirmed");
            assertThat(intentsOf(ids.get(0))).isEqualTo(1);
        } finally {
            clicks.shutdownNow();
        }
        assertThat(statuses).as("a click while the first is in flight is told so (409), never served twice")
                .allMatch(status -> status == 202 || status == 409);
        HttpResponse<String> replay = checkout(body, carla.token(), key);
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertProblem(checkout(checkoutBody("pm_card_mastercard"), carla.token(), key), 422, "idempotency-key-reused");
    }

    @Test
    void aDeclinedCardFailsThePaymentAndGivesTheStockBack() throws Exception {
        String admin = admin();
        String sku = sku(500, 4, admin);
        KeycloakUsers.SignedIn carla = customer();
        addToCart(sku, 3, carla.token());

        String orderId = Api.json(checkout(checkoutBody("pm_card_declined"), carla.token(),
                UUID.randomUUID().toString())).getString("id");

        JsonObject failed = settled(orderId, carla.token());
        assertThat(failed.getString("status")).as(failed.toString()).isEqualTo("payment_failed");
        assertThat(failed.getString("reason")).isNotBlank();
        assertThat(steps(failed)).containsExactly("reserve_stock:done", "authorize_payment:refused", "release_stock:done");
        JsonObject stock = stock(sku, admin);
        assertThat(stock.getInt("onHand")).isEqualTo(4);
        assertThat(stock.getInt("reserved")).isZero();
        assertThat(failed.getJsonNumber("capturedMinor").longValue()).isZero();
    }

    @Test
    void notEnoughStockRejectsTheOrderNamingTheSku() throws Exception {
        String admin = admin();
        String plenty = sku(500, 10, admin);
        String scarce = sku(700, 1, admin);
        KeycloakUsers.SignedIn carla = customer();
        addToCart(plenty, 2, carla.token());
        addToCart(scarce, 2, carla.token());

        String orderId = Api.json(checkout(checkoutBody("pm_card_visa"), carla.token(),
                UUID.randomUUID().toString())).getString("id");

        JsonObject rejected = settled(orderId, carla.token());
        assertThat(rejected.getString("status")).as(rejected.toString()).isEqualTo("rejected");
        assertThat(rejected.getString("reason")).contains(scarce + " (2 wanted, 1 available)").doesNotContain(plenty);
        assertThat(rejected.containsKey("paymentId") && !rejected.isNull("paymentId")).isFalse();
        assertThat(stock(plenty, admin).getInt("reserved")).isZero();
        assertThat(stock(scarce, admin).getInt("onHand")).isEqualTo(1);
        assertThat(intentsOf(orderId)).as("nobody was charged").isZero();
    }

    @Test
    void aPaymentTheCustomerConfirmsGoesOnWhenPaymentsSaysSo() throws Exception {
        String sku = sku(1500, 3, admin());
        KeycloakUsers.SignedIn carla = customer();
        addToCart(sku, 1, carla.token());

        String orderId = Api.json(checkout(checkoutBody("pm_card_requires_action"), carla.token(),
                UUID.randomUUID().toString())).getString("id");

        JsonObject confirmed = orderOnce(orderId, carla.token(),
                order -> order.getString("status").equals("confirmed"), Duration.ofSeconds(30));
        assertThat(confirmed.getString("status")).as(confirmed.toString()).isEqualTo("confirmed");
        assertThat(steps(confirmed)).contains("authorize_payment:waiting", "await_payment:done", "capture_payment:done");
    }

    @Test
    void aPaymentTheCustomerNeverConfirmsTimesOutAndIsVoidedAndTheStockGoesBack() throws Exception {
        String admin = admin();
        String sku = sku(1700, 3, admin);
        KeycloakUsers.SignedIn carla = customer();
        addToCart(sku, 1, carla.token());

        String orderId = Api.json(checkout(checkoutBody("pm_card_requires_action_abandoned"), carla.token(),
                UUID.randomUUID().toString())).getString("id");

        JsonObject failed = orderOnce(orderId, carla.token(),
                order -> order.getString("status").equals("payment_failed"), Duration.ofSeconds(40));
        assertThat(failed.getString("status")).as(failed.toString()).isEqualTo("payment_failed");
        assertThat(failed.getString("reason"))
                .isEqualTo("The payment was not confirmed within " + OrdersPlatform.CONFIRMATION_TIMEOUT);
        assertThat(steps(failed)).contains("authorize_payment:waiting", "await_payment:refused", "void_payment:done",
                "release_stock:done");
        JsonObject stock = stock(sku, admin);
        assertThat(stock.getInt("onHand")).as("nothing sold").isEqualTo(3);
        assertThat(stock.getInt("reserved")).isZero();
        JsonObject payment = Api.json(payments.get("/api/payments/intents/" + failed.getString("paymentId"),
                carla.token()));
        assertThat(payment.getString("status")).isEqualTo("voided");
        assertThat(payment.getJsonNumber("capturedMinor").longValue()).isZero();
    }

    @Test
    void anotherCustomersOrderDoesNotExistForThem() throws Exception {
        String sku = sku(300, 5, admin());
        KeycloakUsers.SignedIn carla = customer();
        KeycloakUsers.SignedIn dave = customer();
        addToCart(sku, 1, carla.token());
        String orderId = Api.json(checkout(checkoutBody("pm_card_visa"), carla.token(),
                UUID.randomUUID().toString())).getString("id");

        assertProblem(orders.get("/api/orders/" + orderId, dave.token()), 404, "not-found");
        assertProblem(orders.postJson("/api/orders/" + orderId + "/cancel", "{}", dave.token()), 404, "not-found");
        assertThat(Api.json(orders.get("/api/orders", dave.token())).getJsonArray("items")).isEmpty();
        assertThat(Api.json(orders.get("/api/orders", carla.token())).getJsonArray("items")).hasSize(1);
        assertThat(orders.get("/api/orders/" + orderId, null).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> get(Future<HttpResponse<String>> answer) {
        try {
            return answer.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
