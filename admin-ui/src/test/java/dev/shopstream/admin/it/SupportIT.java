package dev.shopstream.admin.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.KeycloakUsers;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Support staff read every screen an administrator does, but the buttons that change the catalogue, move money or
 * replay events are absent (the services would refuse them anyway). Signing out ends the console's session and
 * Keycloak's: the pages are closed until the next sign-in, and Keycloak asks for the password again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupportIT extends ConsoleTest {

    private static Browser browser;
    private static KeycloakUsers.SignedIn customer;
    private static String sku;
    private static String productId;
    private static JsonObject order;

    @BeforeAll
    static void prepare() throws Exception {
        customer = users().signedIn("customer");
        sku = sku("Linen tea towel", 1200, 4);
        HttpResponse<String> listed = catalog.get("/api/skus/" + sku, adminToken());
        productId = Api.json(listed).getString("productId");
        order = confirmedOrder(sku, 1, customer.token());
        browser = browser();
        browser.signIn(SUPPORT, SUPPORT_PASSWORD, totp());
    }

    @Test
    @Order(1)
    void supportReadsEveryScreenWithoutItsChangingButtons() {
        assertThat(browser.waitFor(By.id("signed-in-as")).getText()).isEqualTo("Sam Support (support)");

        browser.visit("/catalog/products.xhtml");
        assertThat(browser.waitFor(By.id("list:products")).getText()).contains("Linen tea towel");
        assertThat(browser.present(By.id("form:create"))).as("create product").isFalse();

        browser.visit("/catalog/product.xhtml?id=" + productId);
        assertThat(browser.waitFor(By.id("skus")).getText()).as("4 received, 1 sold").contains(sku + " 3 0 3");
        assertThat(browser.present(By.id("newsku:add-sku"))).as("add SKU").isFalse();
        assertThat(browser.present(By.id("stock:adjust"))).as("adjust stock").isFalse();

        browser.visit("/orders/orders.xhtml");
        browser.type(By.id("list:customer"), customer.id());
        browser.click(By.id("list:search"));
        browser.waitForText(By.id("list:orders"), order.getString("id"));
        browser.follow(By.linkText(order.getString("id")), "/orders/order.xhtml");
        assertThat(browser.waitFor(By.id("order-status")).getText()).isEqualTo("CONFIRMED");
        assertThat(browser.present(By.id("form:refund"))).as("refund").isFalse();
        assertThat(browser.present(By.id("cancel:cancel-order"))).as("cancel").isFalse();
        assertThat(browser.present(By.id("cancel:retry"))).as("retry").isFalse();

        browser.visit("/notifications/dead-letters.xhtml");
        browser.waitFor(By.id("list:letters"));
        assertThat(browser.all(By.xpath("//button[.//span[text()='Replay']]"))).as("replay").isEmpty();
    }

    @Test
    @Order(2)
    void signingOutClosesThePagesAndEndsTheKeycloakSession() {
        browser.visit("/index.xhtml");
        browser.click(By.id("sign-out"));
        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("You are signed out");

        browser.visit("/catalog/products.xhtml");
        assertThat(browser.waitFor(By.id("kc-login")).isDisplayed()).isTrue();
        assertThat(browser.url()).startsWith(platform.keycloak().baseUri().toString());
        assertThat(browser.present(By.id("password"))).as("Keycloak asks for the password again").isTrue();
    }
}
