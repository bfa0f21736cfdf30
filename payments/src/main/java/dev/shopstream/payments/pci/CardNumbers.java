package dev.shopstream.payments.pci;

import dev.shopstream.commons.json.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds values that look like a payment card number (PAN): 13 to 19 digits, optionally grouped by spaces or dashes,
 * passing the Luhn check — alone in a field or inside text. Only the field's path is ever reported, never the value.
 */
public final class CardNumbers {

    /** A run of 13-19 digits with single spaces or dashes between them, not part of a longer word or number. */
    private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w-])\\d(?:[ -]?\\d){12,18}(?![\\w-])");

    private CardNumbers() {
    }

    public static boolean containsCardNumber(String text) {
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            if (passesLuhn(matcher.group().replaceAll("[ -]", ""))) {
                return true;
            }
        }
        return false;
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /**
     * The JSON path (e.g. {@code card.number}, {@code items[2]}) of the first string or number in the document that
     * looks like a card number; empty when there is none or the document is not JSON (its reader reports that).
     */
    public static Optional<String> firstFieldWithCardNumber(byte[] json) {
        Deque<String> path = new ArrayDeque<>();
        Deque<Integer> indexes = new ArrayDeque<>();
        try (JsonParser parser = Jsonp.createParser(new ByteArrayInputStream(json))) {
            String key = null;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> key = parser.getString();
                    case START_OBJECT, START_ARRAY -> {
                        path.push(segment(path, indexes, key));
                        indexes.push(event == JsonParser.Event.START_ARRAY ? 0 : -1);
                        key = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.pop();
                        indexes.pop();
                        advance(indexes);
                    }
                    case VALUE_STRING, VALUE_NUMBER -> {
                        if (containsCardNumber(parser.getString())) {
                            return Optional.of(join(segment(path, indexes, key)));
                        }
                        advance(indexes);
                    }
                    default -> advance(indexes);
                }
            }
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The path of the value about to be read: the enclosing path plus its key or array index. */
    private static String segment(Deque<String> path, Deque<Integer> indexes, String key) {
        String parent = path.isEmpty() ? "" : path.peek();
        if (indexes.isEmpty()) {
            return parent;
        }
        if (indexes.peek() >= 0) {
            return parent + "[" + indexes.peek() + "]";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    private static void advance(Deque<Integer> indexes) {
        if (!indexes.isEmpty() && indexes.peek() >= 0) {
            indexes.push(indexes.pop() + 1);
        }
    }

    private static String join(String path) {
        return path == null || path.isEmpty() ? "body" : path;
    }
}
