package dev.shopstream.notifications.sms;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers SMS can go to: E.164 ({@code +} country code and number, at most 15 digits). Spaces, dots, hyphens,
 * slashes and parentheses people write between digits are dropped; anything else is no number.
 */
public final class PhoneNumbers {

    /** The longest phone number: {@code +} and 15 digits. */
    public static final int MAX_LENGTH = 16;

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s./()-]");

    private PhoneNumbers() {
    }

    /** The number in E.164, or empty if it is none (a national number without its country code included). */
    public static Optional<String> normalized(String written) {
        if (written == null || written.length() > 64) {
            return Optional.empty();
        }
        String number = SEPARATORS.matcher(written.strip()).replaceAll("");
        if (number.startsWith("00")) {
            number = "+" + number.substring(2);
        }
        return E164.matcher(number).matches() ? Optional.of(number) : Optional.empty();
    }

    /** The number as staff read it in the logs: the country code's first digits and the last two, e.g. +49*******67. */
    public static String masked(String number) {
        if (!E164.matcher(number).matches()) {
            return "***";
        }
        return number.substring(0, 3) + "*".repeat(number.length() - 5) + number.substring(number.length() - 2);
    }
}
