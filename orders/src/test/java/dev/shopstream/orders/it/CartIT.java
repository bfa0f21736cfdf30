package dev.shopstream.orders.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.KeycloakUsers;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The customer's cart, and what it refuses, against real catalog prices. */
class CartIT extends OrdersApiTest {

    @Test
    void aCartAddsChangesRemovesAndClearsAtCurrentPrices() {
        String admin = admin();
        String mug = sku(1250, 5, admin);
        String tee = sku(1999, 5, admin);
        String token = customer().token();

        addToCart(mug, 1, token);
        addToCart(mug, 2, token);
        addToCart(tee, 1, token);
        JsonObject cart = Api.json(orders.putJson("/api/cart/items/" + tee, "{\"quantity\": 2}", token, null));
        assertThat(cart.getJsonNumber("subtotalMinor").longValue()).isEqualTo(3 * 1250 + 2 * 1999);
        assertThat(cart.getInt("itemCount")).isEqualTo(5);
        assertThat(cart.getString("currency")).isEqualTo("EUR");

        cart = Api.json(orders.delete("/api/cart/items/" + mug, token));
        assertThat(cart.getJsonArray("lines")).hasSize(1);
        assertThat(Api.json(orders.delete("/api/cart", token)).getJsonArray("lines")).isEmpty();
    }

    @Test
    void whatCannotBeBoughtIsRefusedWithAClearProblem() {
        String admin = admin();
        String mug = sku(1250, 5, admin);
        String token = customer().token();

        assertProblem(addToCart("NO-SUCH-SKU", 1, token), 422, "unprocessable");
        assertProblem(addToCart(mug, 0, token), 400, "validation-failed");
        assertProblem(addToCart(mug, 101, token), 422, "unprocessable");
        assertProblem(orders.postJson("/api/cart/items", "{\"sku\": \"" + mug + "\", \"quantity\": \"two\"}",
                token), 400, "malformed-request");
        assertProblem(orders.postJson("/api/cart/items", "{\"sku\": ", token), 400, "malformed-request");
        assertProblem(orders.postJson("/api/cart/items", "{\"sku\": \"" + "X".repeat(65) + "\", \"quantity\": 1}",
                token), 400, "validation-failed");
    }

    @Test
    void anArchivedSkuOrOneWithoutAPriceInTheCurrencyCannotBeAdded() {
        String admin = admin();
        String mug = sku(1250, 5, admin);
        String token = customer().token();
        assertThat(catalog.postJson("/api/skus/" + mug + "/archive", "", admin).statusCode()).isEqualTo(204);
        assertProblem(addToCart(mug, 1, token), 422, "unprocessable");

        String other = sku(800, 5, admin);
        addToCart(other, 1, token);
        assertProblem(orders.putJson("/api/cart/currency", "{\"currency\": \"USD\"}", token, null), 422,
                "unprocessable");
    }

    @Test
    void onlyTheCustomerThemselfReachesTheirCart() {
        KeycloakUsers.SignedIn carla = customer();
        assertThat(orders.get("/api/cart", null).statusCode()).isEqualTo(401);
        assertThat(orders.get("/api/cart", admin()).statusCode()).isEqualTo(403);
        assertThat(orders.get("/api/cart", "not-a-token").statusCode()).isEqualTo(401);
        assertProblem(checkout(checkoutBody("pm_card_visa"), carla.token(), UUID.randomUUID().toString()), 422,
                "unprocessable");
        assertProblem(orders.postJson("/api/orders", checkoutBody("pm_card_visa"), carla.token()), 400,
                "idempotency-key-missing");
        assertProblem(checkout("{\"paymentMethodToken\": \"pm_card_visa\"}", carla.token(),
                UUID.randomUUID().toString()), 400, "validation-failed");
        assertProblem(checkout(checkoutBody("4242424242424242"), carla.token(), UUID.randomUUID().toString()), 400,
                "validation-failed");
    }
}
