package dev.shopstream.orders.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.KeycloakUsers;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga when things break: the orders server killed (kill -9) in the middle of each step, catalog down at
 * checkout and while the stock is committed, payments down for longer than the saga's retries. Stock and money must come out right every time.
 */
class ResilienceIT extends OrdersApiTest {

    /**
     * kill -9 of the orders server in a step of the saga, then a restart: the order completes with one payment and
     * the stock sold once. The card makes the step last long enough to be killed in: the sandbox answers
     * {@code pm_card_slow}'s authorization and {@code pm_card_slow_capture}'s capture only after payments' provider
     * timeout (payments settles them later from the provider's record), and {@code pm_card_requires_action}'s
     * customer confirms seconds later. Reserving is quick: the kill lands as it begins or a step later. {@code moment}
     * is the timeline entry the kill waits for, as {@code step} or {@code step:outcome}.
     */
    @ParameterizedTest(name = "killed at {0}")
    @CsvSource({"reserve_stock, pm_card_visa", "authorize_payment, pm_card_slow",
            "authorize_payment:waiting, pm_card_requires_action", "capture_payment, pm_card_slow_capture"})
    void anOrderWhoseServerIsKilledMidStepCompletesAfterTheRestart(String moment, String card) throws Exception {
        String admin = admin();
        String sku = sku(4200, 3, admin);
        KeycloakUsers.SignedIn carla = customer();
        addToCart(sku, 1, carla.token());
        String orderId = Api.json(checkout(checkoutBody(card), carla.token(), UUID.randomUUID().toString()))
                .getString("id");
        awaitTimeline(orderId, carla.token(), entry -> at(entry, moment));

        platform.killServer();
        platform.restartServer();

        assertConfirmedAndSoldOnce(orderId, sku, carla.token(), admin);
    }

    @Test
    void anOrderWhoseServerIsKilledWhileCatalogCannotCommitItsStockCompletesOnceBothAreBack() throws Exception {
        String admin = admin();
        String sku = sku(4300, 3, admin);
        KeycloakUsers.SignedIn carla = customer();
        addToCart(sku, 1, carla.token());
        String orderId = Api.json(checkout(checkoutBody("pm_card_requires_action"), carla.token(),
                UUID.randomUUID().toString())).getString("id");
        awaitTimeline(orderId, carla.token(), entry -> at(entry, "authorize_payment:waiting"));

        platform.withNeighbourDown("catalog", () -> {
            // The customer confirms while catalog is down: committing the stock finds nobody to answer.
            awaitTimelineUnchecked(orderId, carla.token(), entry -> at(entry, "commit_stock:unanswered"));
            platform.killServer();
        });
        platform.restartServer();

        assertConfirmedAndSoldOnce(orderId, sku, carla.token(), admin);
    }

    private static void assertConfirmedAndSoldOnce(String orderId, String sku, String token, String admin)
            throws Exception {
        JsonObject confirmed = orderOnce(orderId, token, order -> order.getString("status").equals("confirmed"),
                Duration.ofSeconds(60));
        assertThat(confirmed.getString("status")).as(confirmed.toString()).isEqualTo("confirmed");
        assertThat(intentsOf(orderId)).as("one payment, however often the step ran").isEqualTo(1);
        JsonObject payment = Api.json(payments.get("/api/payments/intents/" + confirmed.getString("paymentId"),
                token));
        assertThat(payment.getString("status")).isEqualTo("captured");
        assertThat(payment.getJsonNumber("capturedMinor").longValue())
                .isEqualTo(confirmed.getJsonNumber("totalMinor").longValue());
        JsonObject stock = stock(sku, admin);
        assertThat(stock.getInt("onHand")).as("one sold").isEqualTo(2);
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

    /** Whether the timeline entry is {@code moment}: a step, or a step and its outcome ({@code step:outcome}). */
    private static boolean at(JsonObject entry, String moment) {
        return moment.equals(entry.getString("step"))
                || moment.equals(entry.getString("step") + ":" + entry.getString("outcome", "running"));
    }

    private static void awaitTimelineUnchecked(String orderId, String token, Predicate<JsonObject> seen) {
        try {
            awaitTimeline(orderId, token, seen);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
