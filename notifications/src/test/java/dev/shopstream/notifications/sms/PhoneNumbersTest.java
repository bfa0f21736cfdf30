package dev.shopstream.notifications.sms;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @Test
    void internationalNumbersAsPeopleWriteThemBecomeE164() {
        assertThat(PhoneNumbers.normalized("+49 151 1234-5678")).contains("+4915112345678");
        assertThat(PhoneNumbers.normalized(" +1 (415) 555.0100 ")).contains("+14155550100");
        assertThat(PhoneNumbers.normalized("0049 151/12345678")).contains("+4915112345678");
    }

    @Test
    void nationalNumbersTextAndOverlongNumbersAreNone() {
        assertThat(PhoneNumbers.normalized("0151 12345678")).isEmpty();
        assertThat(PhoneNumbers.normalized("+49 151 CALL ME")).isEmpty();
        assertThat(PhoneNumbers.normalized("+0151123456")).isEmpty();
        assertThat(PhoneNumbers.normalized("+1234567890123456")).isEmpty();
        assertThat(PhoneNumbers.normalized("+12345")).isEmpty();
        assertThat(PhoneNumbers.normalized("")).isEmpty();
        assertThat(PhoneNumbers.normalized(null)).isEmpty();
    }

    @Test
    void staffSeeTheCountryCodeAndTheLastTwoDigits() {
        assertThat(PhoneNumbers.masked("+4915112345678")).isEqualTo("+49*********78");
        assertThat(PhoneNumbers.masked("erased-0c9f4c57")).isEqualTo("***");
        assertThat(PhoneNumbers.masked("unknown:sub-robin")).isEqualTo("***");
    }
}
