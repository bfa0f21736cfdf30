package dev.shopstream.orders.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.KeycloakUsers;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga when things break: the orders server killed (kill -9) in the middle of a step, catalog down at checkout,
 * payments down for longer than the saga's retries. Stock and money must come out right every time.
 */
class ResilienceIT extends OrdersApiTest {

    @Test
    void anOrderWhoseServerIsKilledMidStepCompletesAfterTheRestart() throws Exception {
        String admin = admin();
        String sku = sku(4200, 3, admin);
        KeycloakUsers.SignedIn carla = customer();
        addToCart(sku, 1, carla.token());
        // The sandbox answers pm_card_slow only after payments' provider timeout: the authorization is in flight for
        // seconds, and payments settles it later from the provider's record.
        String orderId = Api.json(checkout(checkoutBody("pm_card_slow"), carla.token(),
                UUID.randomUUID().toString())).getString("id");
        awaitStepStarted(orderId, "authorize_payment", carla.token());

        platform.killServer();
        platform.restartServer();

        JsonObject confirmed = orderOnce(orderId, carla.token(), order -> order.getString("status").equals("confirmed"),
                Duration.ofSeconds(60));
        assertThat(confirmed.getString("status")).as(confirmed.toString()).isEqualTo("confirmed");
        assertThat(intentsOf(orderId)).as("one payment, however often the step ran").isEqualTo(1);
        JsonObject stock = stock(sku, admin);
        assertThat(stock.getInt("onHand")).isEqualTo(2);
        assertThat(stock.getInt("reserved")).isZero();
    }

    @Test
    void withCatalogDownACheckoutIsA503AndItsRetrySucceedsOnceCatalogIsBack() throws Exception {
        String admin = admin();
        String sku = sku(800, 4, admin);
        KeycloakUsers.SignedIn carla = customer();
        addToCart(sku, 2, carla.token());
        String key = UUID.randomUUID().toString();

        platform.withNeighbourDown("catalog", () -> {
            HttpResponse<String> refused = checkout(checkoutBody("pm_card_visa"), carla.token(), key);
            assertProblem(refused, 503, "service-unavailable");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(Api.json(orders.get("/api/orders", carla.token())).getJsonArray("items")).isEmpty();
        });

        HttpResponse<String> retried = checkout(checkoutBody("pm_card_visa"), carla.token(), key);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
        JsonObject confirmed = settled(Api.json(retried).getString("id"), carla.token());
        assertThat(confirmed.getString("status")).as(confirmed.toString()).isEqualTo("confirmed");
        assertThat(stock(sku, admin).getInt("onHand")).isEqualTo(2);
    }

    @Test
    void paymentsDownForLongerThanTheRetriesCompensates() throws Exception {
        String admin = admin();
        String sku = sku(900, 4, admin);
        KeycloakUsers.SignedIn carla = customer();
        addToCart(sku, 2, carla.token());
        String[] orderId = new String[1];

        platform.withNeighbourDown("payments", () -> {
            orderId[0] = Api.json(checkout(checkoutBody("pm_card_visa"), carla.token(), UUID.randomUUID().toString()))
                    .getString("id");
            try {
                JsonObject failed = settled(orderId[0], carla.token());
                assertThat(failed.getString("status")).as(failed.toString()).isEqualTo("payment_failed");
                assertThat(failed.getString("reason")).startsWith("Gave up after 4 attempts");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        JsonObject stock = stock(sku, admin);
        assertThat(stock.getInt("onHand")).as("nothing sold").isEqualTo(4);
        assertThat(stock.getInt("reserved")).as("the reservation was released").isZero();
        assertThat(intentsOf(orderId[0])).isZero();
    }

    private static void awaitStepStarted(String orderId, String step, String token) throws InterruptedException {
        awaitTimeline(orderId, token, entry -> entry.getString("step").equals(step));
    }

    private static void awaitTimeline(String orderId, String token, Predicate<JsonObject> seen)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            JsonObject order = Api.json(orders.get("/api/orders/" + orderId, token));
            if (order.getJsonArray("timeline").getValuesAs(JsonObject.class).stream().anyMatch(seen)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Order " + orderId + " never got there");
    }
}
