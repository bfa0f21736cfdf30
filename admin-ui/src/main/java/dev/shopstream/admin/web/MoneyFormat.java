package dev.shopstream.admin.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.math.BigDecimal;
import java.util.Currency;

/** Amounts in minor units as staff read them: {@code 12.90 EUR}. */
@Named("money")
@ApplicationScoped
public class MoneyFormat {

    public String format(Long amountMinor, String currency) {
        if (amountMinor == null || currency == null) {
            return "";
        }
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(amountMinor, digits).toPlainString() + " " + currency;
    }
}
