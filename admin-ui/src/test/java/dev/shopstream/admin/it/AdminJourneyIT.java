package dev.shopstream.admin.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.EventTopic;
import dev.shopstream.testkit.KeycloakUsers;
import dev.shopstream.testkit.Mailbox;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator's day in the console, in one browser session: sign in with a TOTP code, create a product and see
 * the shop sell it, edit it (never over someone else's newer edit), receive stock, refund part of a customer's order,
 * and replay a dead-lettered event once its cause is fixed. Each step checks through the services' own APIs that the console's change really happened.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminJourneyIT extends ConsoleTest {

    private static Browser browser;
    private static KeycloakUsers.SignedIn customer;
    private static JsonObject order;
    private static String deadLetter;
    private static String deadLetteredOrder;
    private static String productId;
    private static String skuCode;

    @BeforeAll
    static void prepare() throws Exception {
        customer = users().signedIn("customer");
        order = confirmedOrder(sku("Enamel camping mug", 2500, 10), 2, customer.token());
        // Its confirmation mail first: then only the notice below meets Keycloak down.
        assertThat(new Mailbox(platform).awaitMessagesTo(customer.username() + "@example.test", 1,
                Duration.ofSeconds(60))).hasSize(1);
        deadLetter = deadLetterWhileKeycloakIsDown(customer.id());
        browser = browser();
        browser.signIn(ADMIN, ADMIN_PASSWORD, totp());
    }

    /**
     * An order-confirmed notice that notifications could not send while Keycloak (where the customer's address
     * lives) was down: after its three attempts it is a dead letter; Keycloak is back when this returns its place
     * as the console shows it (topic/partition/offset).
     */
    private static String deadLetterWhileKeycloakIsDown(String customerId) {
        EventTopic orderEvents = new EventTopic(platform, "order.lifecycle");
        String orderId = UUID.randomUUID().toString();
        deadLetteredOrder = orderId;
        EventTopic.Envelope confirmed = EventTopic.envelope("/shopstream/orders",
                "dev.shopstream.orders.order.confirmed", orderId, Json.createObjectBuilder()
                        .add("orderId", orderId).add("customerId", customerId).add("status", "confirmed")
                        .add("currency", "EUR").add("totalMinor", 1250).add("capturedMinor", 1250)
                        .add("refundedMinor", 0)
                        .add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder().add("sku", "MUG-RED")
                                .add("productName", "Red mug").add("quantity", 1).add("unitPriceMinor", 1250)))
                        .add("at", Instant.now().toString()).build());
        StringBuilder place = new StringBuilder();
        platform.withKeycloakDown(() -> {
            orderEvents.send(orderId, confirmed.json());
            ConsumerRecord<String, String> letter = orderEvents.awaitDeadLetter(
                    record -> record.value().contains(confirmed.id()), Duration.ofSeconds(60)).orElseThrow();
            place.append(letter.topic()).append('/').append(letter.partition()).append('/').append(letter.offset());
        });
        return place.toString();
    }

    @Test
    @Order(1)
    void signsInWithTotpAndSeesTheDashboard() {
        assertThat(browser.title()).isEqualTo("Dashboard · Shopstream admin");
        assertThat(browser.waitFor(By.id("signed-in-as")).getText()).isEqualTo("Alex Admin (admin)");
        assertThat(browser.text()).contains("orders today", "stuck sagas", "dead letters");
        Cookie session = browser.driver().manage().getCookieNamed("SHOPSTREAM_CONSOLE");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        browser.screenshot("dashboard");
    }

    @Test
    @Order(2)
    void createsAProductAddsItsSkuAndTheShopSellsIt() {
        String name = "Walnut chopping board " + UUID.randomUUID().toString().substring(0, 6);
        browser.visit("/catalog/products.xhtml");
        browser.screenshot("products");

        browser.click(By.id("form:create"));
        assertThat(browser.waitForText(By.id("form"), "required")).as("validation beside the fields").isNotBlank();
        assertThat(browser.present(By.cssSelector("[id='form:name'].ui-state-error"))).isTrue();

        browser.type(By.id("form:name"), name);
        browser.type(By.id("form:description"), "End-grain walnut, oiled.");
        browser.type(By.id("form:price"), "4900");
        browser.click(By.id("form:create"));
        assertThat(browser.waitForText(By.id("messages"), "Created " + name)).contains("add its SKUs here");
        assertThat(browser.title()).startsWith(name);
        productId = browser.url().replaceAll(".*[?&]id=([0-9a-f-]{36}).*", "$1");

        skuCode = "BOARD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        browser.type(By.id("newsku:code"), skuCode);
        browser.type(By.id("newsku:onHand"), "5");
        browser.click(By.id("newsku:add-sku"));
        assertThat(browser.waitForText(By.id("messages"), "Added SKU " + skuCode)).contains("5 on hand");
        assertThat(browser.waitForText(By.id("skus"), skuCode)).contains(skuCode);

        HttpResponse<String> shop = catalog.get("/api/products/" + productId, null);
        assertThat(shop.statusCode()).as(shop.body()).isEqualTo(200);
        JsonObject page = Api.json(shop);
        assertThat(page.getString("name")).isEqualTo(name);
        assertThat(page.getJsonArray("skus").getJsonObject(0).getString("code")).isEqualTo(skuCode);
        assertThat(page.getJsonArray("skus").getJsonObject(0).getInt("available")).isEqualTo(5);
        browser.screenshot("product");
    }

    @Test
    @Order(3)
    void editsTheProductAndNeverOverwritesSomeoneElsesNewerEdit() {
        browser.visit("/catalog/product.xhtml?id=" + productId);
        String renamed = browser.waitFor(By.id("form:name")).getAttribute("value") + " (oiled)";
        browser.type(By.id("form:name"), renamed);
        browser.click(By.id("form:add-price"));
        browser.type(By.id("form:prices:1:amount"), "5400");
        browser.type(By.id("form:prices:1:currency"), "USD");
        browser.click(By.id("form:save"));
        browser.waitForText(By.id("messages"), "Saved " + renamed);
        JsonObject inDollars = Api.json(catalog.get("/api/products/" + productId + "?currency=USD", null));
        assertThat(inDollars.getString("name")).isEqualTo(renamed);
        assertThat(inDollars.getJsonObject("price").getInt("amountMinor")).isEqualTo(5400);

        browser.type(By.id("form:description"), "Edited in the console");
        JsonObject current = staffProduct();
        HttpResponse<String> elsewhere = catalog.putJson("/api/products/" + productId, Json.createObjectBuilder()
                .add("name", current.getString("name")).add("description", "Edited elsewhere meanwhile")
                .add("slug", current.getString("slug")).add("status", current.getString("status"))
                .add("prices", current.getJsonArray("prices")).build().toString(), adminToken(),
                "\"" + current.getJsonNumber("version") + "\"");
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(200);
        browser.click(By.id("form:save"));
        assertThat(browser.waitForText(By.id("messages"), "Changed by someone else")).contains("reload",
                "correlation id");
        assertThat(staffProduct().getString("description")).isEqualTo("Edited elsewhere meanwhile");
    }

    private static JsonObject staffProduct() {
        return Api.json(catalog.get("/api/staff/products/" + productId, adminToken()));
    }

    @Test
    @Order(4)
    void receivesStockAndRefusesAChangeThatIsNotANumber() {
        browser.visit("/catalog/product.xhtml?id=" + productId);
        browser.choose("stock:sku", skuCode);
        browser.type(By.id("stock:delta"), "twelve");
        browser.type(By.id("stock:reason"), "Delivery received");
        browser.click(By.id("stock:adjust"));
        browser.waitFor(By.cssSelector("[id='stock:delta'].ui-state-error"));
        assertThat(stock(skuCode).getInt("onHand")).as("nothing changed").isEqualTo(5);

        browser.type(By.id("stock:delta"), "12");
        browser.click(By.id("stock:adjust"));
        assertThat(browser.waitForText(By.id("messages"), skuCode + ": 17 on hand")).contains("17 available");
        assertThat(stock(skuCode).getInt("onHand")).isEqualTo(17);
    }

    @Test
    @Order(5)
    void findsTheCustomersOrderAndRefundsPartOfIt() throws Exception {
        browser.visit("/orders/orders.xhtml");
        browser.type(By.id("list:customer"), customer.id());
        browser.click(By.id("list:search"));
        browser.waitForText(By.id("list:orders"), order.getString("id"));
        assertThat(browser.all(By.cssSelector("[id='list:orders'] tbody tr"))).hasSize(1);
        browser.screenshot("orders");

        browser.follow(By.linkText(order.getString("id")), "/orders/order.xhtml");
        assertThat(browser.waitFor(By.id("order-status")).getText()).isEqualTo("CONFIRMED");
        assertThat(browser.text()).contains("refunded 0.00 EUR", "Enamel camping mug");
        browser.type(By.id("form:amountMinor"), "700");
        browser.type(By.id("form:reason"), "One mug arrived chipped");
        browser.click(By.id("form:refund"));
        browser.waitForText(By.id("messages"), "Refund of 700");

        assertThat(refundedOrder(order.getString("id"), 700).getJsonNumber("refundedMinor").longValue())
                .isEqualTo(700);
        browser.reload();
        assertThat(browser.waitForText(By.id("refunded"), "7.00 EUR")).isEqualTo("7.00 EUR");
        browser.screenshot("order");
    }

    @Test
    @Order(6)
    void replaysADeadLetterOnceItsCauseIsFixed() {
        browser.visit("/notifications/dead-letters.xhtml");
        browser.waitForText(By.id("list:letters"), deadLetter);
        browser.screenshot("dead-letters");
        Mailbox mailbox = new Mailbox(platform);
        String email = customer.username() + "@example.test";
        int before = (int) mailbox.countTo(email);

        By row = By.xpath("//tbody[@id='list:letters_data']/tr[td[text()='" + deadLetter + "']]");
        browser.waitFor(row).findElement(By.xpath(".//button[.//span[text()='Replay']]")).click();
        browser.waitForText(By.id("messages"), "Replayed " + deadLetter + ": applied.");
        assertThat(mailbox.awaitMessagesTo(email, before + 1, Duration.ofSeconds(30)))
                .extracting(message -> message.getSubject()).as("the replayed notice's mail")
                .hasSize(before + 1)
                .contains("Your order " + deadLetteredOrder.substring(0, 8).toUpperCase() + " is confirmed");
    }

    private static JsonObject stock(String sku) {
        return Api.json(catalog.get("/api/skus/" + sku + "/stock", adminToken()));
    }

    private static JsonObject refundedOrder(String id, long refundedMinor) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonObject current = Api.json(orders.get("/api/staff/orders/" + id, adminToken()));
        while (current.getJsonNumber("refundedMinor").longValue() != refundedMinor && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            current = Api.json(orders.get("/api/staff/orders/" + id, adminToken()));
        }
        return current;
    }
}
