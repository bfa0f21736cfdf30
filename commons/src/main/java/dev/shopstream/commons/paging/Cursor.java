package dev.shopstream.commons.paging;

import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset cursor: the sort key values of the last item a page returned. Clients pass it back unchanged;
 * its encoding is not part of the API.
 */
public record Cursor(List<String> keys) {

    /**
     * The longest cursor a client may send back. The longest issued, catalog's name-sorted pages (a name of up to
     * 200 characters and an id), are under 900 characters.
     */
    public static final int MAX_LENGTH = 1024;

    private static final char SEPARATOR = '\u001F';

    public Cursor {
        keys = List.copyOf(keys);
    }

    public static Cursor of(String... keys) {
        return new Cursor(List.of(keys));
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), keys).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a client's cursor, which must hold {@code expectedKeys} values; anything else is a 400. */
    public static Cursor decode(String encoded, int expectedKeys) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            List<String> keys = List.of(decoded.split(String.valueOf(SEPARATOR), -1));
            if (keys.size() == expectedKeys) {
                return new Cursor(keys);
            }
        } catch (IllegalArgumentException e) {
            // fall through to the problem below: the cursor is not one we issued
        }
        throw invalid();
    }

    /** A cursor of one number, e.g. a row's sequence: {@code Cursor.of(Long.toString(seq))} decoded. */
    public static long decodeNumber(String encoded) {
        try {
            return Long.parseLong(decode(encoded, 1).keys().get(0));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public static ProblemException invalid() {
        return new ProblemException(ProblemType.VALIDATION_FAILED,
                "The cursor is not valid; pass back the nextCursor of a previous page unchanged.");
    }
}
