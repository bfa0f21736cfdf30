package dev.shopstream.admin.catalog;

import dev.shopstream.admin.client.catalog.model.Money;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import java.io.Serializable;

/** One price of a product as the edit form holds it: a row is dropped when its amount is left empty. */
public class PriceRow implements Serializable {

    @Min(0)
    private Long amountMinor;
    @Pattern(regexp = "[A-Z]{3}", message = "a three-letter currency code, such as EUR")
    private String currency;

    PriceRow(Long amountMinor, String currency) {
        this.amountMinor = amountMinor;
        this.currency = currency;
    }

    static PriceRow of(Money money) {
        return new PriceRow(money.getAmountMinor(), money.getCurrency());
    }

    boolean isFilled() {
        return amountMinor != null;
    }

    Money toMoney() {
        return new Money().amountMinor(amountMinor).currency(currency);
    }

    public Long getAmountMinor() {
        return amountMinor;
    }

    public void setAmountMinor(Long amountMinor) {
        this.amountMinor = amountMinor;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }
}
