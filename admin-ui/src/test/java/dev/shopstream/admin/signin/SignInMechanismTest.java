package dev.shopstream.admin.signin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInMechanismTest {

    @Test
    void aPageAskedForWithGetIsWhereSignInReturns() {
        assertThat(SignInMechanism.returnTo("GET", "/orders/order.xhtml", "id=42")).isEqualTo("/orders/order.xhtml?id=42");
        assertThat(SignInMechanism.returnTo("GET", "/catalog/products.xhtml", null)).isEqualTo("/catalog/products.xhtml");
    }

    @Test
    void afterAFormPostSignInReturnsToTheDashboard() {
        assertThat(SignInMechanism.returnTo("POST", "/orders/order.xhtml", null)).isEqualTo("/index.xhtml");
    }

    @Test
    void signInNeverReturnsToAnotherSite() {
        assertThat(SignInMechanism.returnTo("GET", "//evil.example/phish", null)).isEqualTo("/index.xhtml");
        assertThat(SignInMechanism.returnTo("GET", "/\\evil.example/phish", null)).isEqualTo("/index.xhtml");
        assertThat(SignInMechanism.returnTo("GET", "https://evil.example/", null)).isEqualTo("/index.xhtml");
    }
}
