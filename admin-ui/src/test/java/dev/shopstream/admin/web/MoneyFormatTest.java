package dev.shopstream.admin.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyFormatTest {

    private final MoneyFormat money = new MoneyFormat();

    @Test
    void minorUnitsAreShownWithTheCurrencysDecimals() {
        assertThat(money.format(1290L, "EUR")).isEqualTo("12.90 EUR");
        assertThat(money.format(5L, "USD")).isEqualTo("0.05 USD");
        assertThat(money.format(1290L, "JPY")).isEqualTo("1290 JPY");
    }

    @Test
    void anUnknownAmountIsShownEmpty() {
        assertThat(money.format(null, "EUR")).isEmpty();
    }
}
