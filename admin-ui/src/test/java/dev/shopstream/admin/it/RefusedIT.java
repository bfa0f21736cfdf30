package dev.shopstream.admin.it;

import dev.shopstream.testkit.KeycloakUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody reaches a console page without signing in, and a customer who signs in is told clearly that the console is
 * for staff, whichever page they ask for.
 */
class RefusedIT extends ConsoleTest {

    @Test
    void aCustomerWhoSignsInIsNotAuthorised() {
        KeycloakUsers.SignedIn customer = users().signedIn("customer");
        try (Browser browser = browser()) {
            browser.signIn(customer.username(), KeycloakUsers.PASSWORD, null);
            assertThat(browser.waitFor(By.id("not-authorised")).getText()).isEqualTo("Not authorised");
            assertThat(browser.text()).contains("for Shopstream staff", customer.username())
                    .doesNotContain("Dashboard", "orders today");
            browser.screenshot("not-authorised");

            browser.visit("/orders/orders.xhtml");
            assertThat(browser.waitFor(By.id("not-authorised")).isDisplayed()).isTrue();
            assertThat(browser.present(By.id("list:orders"))).isFalse();
        }
    }

    @Test
    void everyPageAsksForSignInFirst() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String page : new String[] {"/", "/index.xhtml", "/catalog/products.xhtml", "/orders/orders.xhtml",
                "/notifications/dead-letters.xhtml", "/catalog/product.xhtml?id=00000000-0000-0000-0000-000000000000"}) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(platform.baseUri().resolve(page)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(URI.create(answer.headers().firstValue("Location").orElseThrow()).toString()).as(page)
                    .startsWith(platform.keycloak().baseUri() + "/realms/shopstream/protocol/openid-connect/auth");
            assertThat(answer.body()).as(page).doesNotContain("Shopstream admin");
        }
    }
}
