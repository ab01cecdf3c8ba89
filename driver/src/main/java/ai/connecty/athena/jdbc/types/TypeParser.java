package ai.connecty.athena.jdbc.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Recursive-descent parser of type strings in both syntaxes Athena shows: Trino's
 * ({@code array(row(a integer, "b c" map(varchar, double)))}, {@code timestamp(6) with time zone}) in results
 * of DESCRIBE on views and in view metadata, and Hive's ({@code array<struct<a:int,b:map<string,double>>>})
 * in Glue table columns. Malformed text gives an {@link AthenaType#UNKNOWN} signature keeping the text.
 */
final class TypeParser {
    private final String text;
    private int position;

    private TypeParser(String text) {
        this.text = text;
    }

    static TypeSignature parse(String text) {
        if (text == null || text.trim().isEmpty()) {
            return unknown("unknown");
        }
        String trimmed = text.trim();
        TypeParser parser = new TypeParser(trimmed);
        try {
            TypeSignature type = parser.type();
            parser.skipSpaces();
            if (parser.position != trimmed.length()) {
                return unknown(trimmed);
            }
            return type;
        } catch (IllegalStateException malformed) {
            return unknown(trimmed);
        }
    }

    private static TypeSignature unknown(String text) {
        return new TypeSignature(AthenaType.UNKNOWN, TypeSignature.lower(text), -1, -1, Collections.emptyList(),
                Collections.emptyList());
    }

    private TypeSignature type() {
        int start = position;
        String word = TypeSignature.lower(word());
        switch (word) {
            case "array":
                return container(AthenaType.ARRAY, 1);
            case "map":
                return container(AthenaType.MAP, 2);
            case "row":
            case "struct":
                return row();
            case "interval":
                return interval();
            case "time":
            case "timestamp":
                return dateTime(word);
            case "double":
                if (peekWord("precision")) {
                    word();
                }
                return simple(AthenaType.DOUBLE, -1, -1);
            default:
                AthenaType kind = AthenaType.byWord(word);
                int[] numbers = numbers();
                if (kind == AthenaType.UNKNOWN) {
                    return unknown(text.substring(start, position));
                }
                return simple(kind, numbers[0], numbers[1]);
        }
    }

    private static TypeSignature simple(AthenaType kind, int first, int second) {
        return new TypeSignature(kind, null, first, second, Collections.emptyList(), Collections.emptyList());
    }

    private TypeSignature container(AthenaType kind, int arity) {
        char close = open();
        if (close == 0) {
            return new TypeSignature(kind, null, -1, -1, Collections.emptyList(), Collections.emptyList());
        }
        List<TypeSignature> children = new ArrayList<>();
        for (int i = 0; i < arity; i++) {
            if (i > 0) {
                expect(',');
            }
            children.add(type());
        }
        expect(close);
        return new TypeSignature(kind, null, -1, -1, children, Collections.emptyList());
    }

    /** {@code row(a integer, b varchar)}, {@code row(integer, varchar)}, {@code struct<a:int,b:string>}. */
    private TypeSignature row() {
        char close = open();
        if (close == 0) {
            return new TypeSignature(AthenaType.ROW, null, -1, -1, Collections.emptyList(), Collections.emptyList());
        }
        List<TypeSignature> children = new ArrayList<>();
        List<String> names = new ArrayList<>();
        do {
            skipSpaces();
            int fieldStart = position;
            String name = null;
            if (peek() == '"' || peek() == '`') {
                name = quoted();
            } else {
                String candidate = word();
                skipSpaces();
                char next = peek();
                boolean zoneSuffix = ("time".equalsIgnoreCase(candidate) || "timestamp".equalsIgnoreCase(candidate))
                        && (peekWord("with") || peekWord("without"));
                if (!zoneSuffix && (next == ':' || Character.isLetter(next) || next == '"')) {
                    name = TypeSignature.lower(candidate);
                } else {
                    position = fieldStart; // an unnamed field: the word was its type
                }
            }
            skipSpaces();
            if (peek() == ':') {
                position++;
            }
            names.add(name);
            children.add(type());
            skipSpaces();
        } while (tryConsume(','));
        expect(close);
        return new TypeSignature(AthenaType.ROW, null, -1, -1, children, names);
    }

    private TypeSignature interval() {
        String from = TypeSignature.lower(word());
        if (!peekWord("to")) {
            throw malformed();
        }
        word();
        word();
        return simple(from.startsWith("year") || from.startsWith("month") ? AthenaType.INTERVAL_YEAR_TO_MONTH
                : AthenaType.INTERVAL_DAY_TO_SECOND, -1, -1);
    }

    private TypeSignature dateTime(String word) {
        int digits = numbers()[0];
        boolean zoned = false;
        if (peekWord("with")) {
            word();
            requireWord("time");
            requireWord("zone");
            zoned = true;
        } else if (peekWord("without")) {
            word();
            requireWord("time");
            requireWord("zone");
        }
        AthenaType kind = "time".equals(word)
                ? (zoned ? AthenaType.TIME_WITH_TIME_ZONE : AthenaType.TIME)
                : (zoned ? AthenaType.TIMESTAMP_WITH_TIME_ZONE : AthenaType.TIMESTAMP);
        return simple(kind, digits, -1);
    }

    /** Up to two numbers in parentheses; -1 for each one absent. */
    private int[] numbers() {
        int[] numbers = {-1, -1};
        skipSpaces();
        if (peek() != '(') {
            return numbers;
        }
        position++;
        numbers[0] = number();
        if (tryConsume(',')) {
            numbers[1] = number();
        }
        expect(')');
        return numbers;
    }

    /**
     * A length, precision or scale: ASCII digits up to {@code Integer.MAX_VALUE}, the length Trino gives an unbounded
     * varchar ({@code varchar(2147483647)} is a type users write); a larger number is malformed.
     */
    private int number() {
        skipSpaces();
        int start = position;
        long value = 0;
        while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
            value = value * 10 + (text.charAt(position++) - '0');
            if (value > Integer.MAX_VALUE) {
                throw malformed();
            }
        }
        if (start == position) {
            throw malformed();
        }
        return (int) value;
    }

    /** The closing character for '(' or '<', or 0 when the container has no parameters. */
    private char open() {
        skipSpaces();
        char c = peek();
        if (c == '(' || c == '<') {
            position++;
            return c == '(' ? ')' : '>';
        }
        return 0;
    }

    private String word() {
        skipSpaces();
        int start = position;
        while (position < text.length()
                && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
            position++;
        }
        if (start == position) {
            throw malformed();
        }
        return text.substring(start, position);
    }

    private String quoted() {
        char quote = text.charAt(position++);
        StringBuilder name = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw malformed();
            }
            char c = text.charAt(position++);
            if (c == quote) {
                if (position < text.length() && text.charAt(position) == quote) {
                    name.append(quote);
                    position++;
                    continue;
                }
                return name.toString();
            }
            name.append(c);
        }
    }

    private boolean peekWord(String expected) {
        int saved = position;
        try {
            skipSpaces();
            if (position >= text.length() || !Character.isLetter(text.charAt(position))) {
                return false;
            }
            return word().equalsIgnoreCase(expected);
        } finally {
            position = saved;
        }
    }

    private void requireWord(String expected) {
        if (!word().equalsIgnoreCase(expected)) {
            throw malformed();
        }
    }

    private boolean tryConsume(char c) {
        skipSpaces();
        if (peek() == c) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!tryConsume(c)) {
            throw malformed();
        }
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : 0;
    }

    void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private static IllegalStateException malformed() {
        return new IllegalStateException("malformed type");
    }
}
