package dev.shopstream.notifications.notice;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class AmountsTest {

    @Test
    void writesMoneyAsTheReadersLocaleDoes() {
        assertThat(Amounts.format(2995, "EUR", Locale.ENGLISH)).isEqualTo("€29.95");
        assertThat(Amounts.format(2995, "EUR", Locale.GERMAN)).isEqualTo("29,95\u00a0€");
        assertThat(Amounts.format(123456, "USD", Locale.ENGLISH)).isEqualTo("$1,234.56");
        assertThat(Amounts.format(500, "JPY", Locale.ENGLISH)).isEqualTo("¥500");
        assertThat(Amounts.format(0, "EUR", Locale.ENGLISH)).isEqualTo("€0.00");
    }
}
