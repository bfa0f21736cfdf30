package dev.shopstream.payments.pci;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CardNumbersTest {

    private static String field(String json) {
        return CardNumbers.firstFieldWithCardNumber(json.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    @Test
    void recognisesTestCardNumbersInAnyCommonSpelling() {
        assertThat(CardNumbers.containsCardNumber("4242424242424242")).isTrue();
        assertThat(CardNumbers.containsCardNumber("4242 4242 4242 4242")).isTrue();
        assertThat(CardNumbers.containsCardNumber("4000-0566-5566-5556")).isTrue();
        assertThat(CardNumbers.containsCardNumber("378282246310005")).isTrue();
        assertThat(CardNumbers.containsCardNumber("my card is 5555 5555 5555 4444, thanks")).isTrue();
    }

    @Test
    void ignoresNumbersThatFailLuhnOrHaveTheWrongLength() {
        assertThat(CardNumbers.containsCardNumber("4242424242424241")).isFalse();
        assertThat(CardNumbers.containsCardNumber("424242424242")).isFalse();
        assertThat(CardNumbers.containsCardNumber("42424242424242424242")).isFalse();
        assertThat(CardNumbers.containsCardNumber("order 12345")).isFalse();
    }

    @Test
    void ignoresIdentifiersThatMerelyContainDigits() {
        assertThat(CardNumbers.containsCardNumber("12345678-1234-1234-1234-123456789012")).isFalse();
        assertThat(CardNumbers.containsCardNumber("pm_4242424242424242")).isFalse();
    }

    @Test
    void namesTheFieldNotTheValue() {
        assertThat(field("{\"orderId\":\"o-1\",\"card\":{\"number\":\"4242424242424242\"}}")).isEqualTo("card.number");
        assertThat(field("{\"amountMinor\":4242424242424242}")).isEqualTo("amountMinor");
        assertThat(field("{\"notes\":[\"fine\",{\"x\":1},\"4111 1111 1111 1111\"]}")).isEqualTo("notes[2]");
        assertThat(field("\"4242424242424242\"")).isEqualTo("body");
    }

    @Test
    void passesCleanAndMalformedDocuments() {
        assertThat(field("{\"orderId\":\"o-1\",\"amountMinor\":1999,\"paymentMethodToken\":\"pm_card_visa\"}")).isNull();
        assertThat(field("{\"orderId\": ")).isNull();
    }
}
