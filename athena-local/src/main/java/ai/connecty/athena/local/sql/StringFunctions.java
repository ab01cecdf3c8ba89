package ai.connecty.athena.local.sql;

import com.google.common.hash.Hashing;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trino string, regular expression and hash functions DuckDB lacks, as Java functions (see {@link JavaFunctions}):
 * {@code luhn_check}, {@code title_case}, {@code regexp_position} and {@code murmur3}.
 */
final class StringFunctions {

    /** Java function behind {@code regexp_position}; its arguments are all passed as text. */
    static final String REGEXP_POSITION = "athena_regexp_position";
    /** Java function behind {@code murmur3}: hex of the bytes in, hex of the hash out. */
    static final String MURMUR3_HEX = "athena_murmur3_hex";

    private StringFunctions() {
    }

    static void register(Connection duck) throws SQLException {
        JavaFunctions.ofText(duck, "luhn_check", Boolean.class, StringFunctions::luhnCheck);
        JavaFunctions.ofText(duck, "title_case", String.class, StringFunctions::titleCase);
        JavaFunctions.ofText(duck, MURMUR3_HEX, String.class, StringFunctions::murmur3Hex);
        JavaFunctions.ofTextList(duck, REGEXP_POSITION, Long.class, StringFunctions::regexpPosition);
    }

    /** The Luhn (mod 10) check of a string of digits; text with anything but digits fails it. */
    static Boolean luhnCheck(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** The first letter of each word upper case, the others lower case; words are runs of letters and digits. */
    static String titleCase(String text) {
        StringBuilder result = new StringBuilder(text.length());
        boolean wordStart = true;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            boolean inWord = Character.isLetterOrDigit(codePoint);
            result.appendCodePoint(inWord && wordStart ? Character.toUpperCase(codePoint)
                    : Character.toLowerCase(codePoint));
            wordStart = !inWord;
            i += Character.charCount(codePoint);
        }
        return result.toString();
    }

    /**
     * Trino's {@code regexp_position(string, pattern[, start[, occurrence]])}: the 1-based character position of the
     * occurrence-th match found from {@code start} on, -1 for none; a start or occurrence below 1 fails as in Trino.
     */
    static Long regexpPosition(Object[] arguments) {
        for (Object argument : arguments) {
            if (argument == null) {
                return null;
            }
        }
        String text = (String) arguments[0];
        long start = arguments.length > 2 ? Long.parseLong((String) arguments[2]) : 1;
        long occurrence = arguments.length > 3 ? Long.parseLong((String) arguments[3]) : 1;
        if (start < 1) {
            throw RaisedErrors.invalidArgumentError("start position cannot be smaller than 1");
        }
        if (occurrence < 1) {
            throw RaisedErrors.invalidArgumentError("occurrence cannot be smaller than 1");
        }
        int codePoints = text.codePointCount(0, text.length());
        if (start > codePoints) {
            return -1L;
        }
        Matcher matcher = Pattern.compile((String) arguments[1]).matcher(text);
        int from = text.offsetByCodePoints(0, (int) start - 1);
        for (long found = 0; matcher.find(from); ) {
            if (++found == occurrence) {
                return (long) text.codePointCount(0, matcher.start()) + 1;
            }
            from = matcher.end() > matcher.start() ? matcher.end() : matcher.end() + 1;
            if (from > text.length()) {
                break;
            }
        }
        return -1L;
    }

    /** The 128-bit MurmurHash3 (x64, seed 0) Trino computes, the same bytes as Guava's. */
    static String murmur3Hex(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        return HexFormat.of().formatHex(Hashing.murmur3_128().hashBytes(bytes).asBytes());
    }
}
