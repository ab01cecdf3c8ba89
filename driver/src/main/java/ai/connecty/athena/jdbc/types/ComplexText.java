package ai.connecty.athena.jdbc.types;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Athena's text rendering of array, map and row values: {@code [1, 2]}, {@code {a=1, b=2}} (maps and
 * named rows), {@code {1, x}} (unnamed rows), nested to any depth ({@code [{n=1}, {n=2}]}); NULL inside is
 * {@code null}.
 *
 * <p>The rendering is ambiguous, and no parser can undo that: strings are not quoted, so an element
 * {@code 'a, b'} reads as two elements, a string {@code 'null'} as NULL, a map key containing {@code =} splits
 * at the wrong place, and a string starting with {@code [} or <code>{</code> unbalances the nesting. Named
 * rows are split at each {@code , name=} of the known field names in order, which survives commas in values.
 * The exact path is {@code CAST(x AS JSON)}: a json column is read with the same getters, parsed as JSON.
 */
final class ComplexText {
    private ComplexText() {
    }

    /** The text between the outer brackets, or null if {@code text} is not enclosed by {@code open}/{@code close}. */
    static String inside(String text, char open, char close) {
        String trimmed = text.trim();
        if (trimmed.length() < 2 || trimmed.charAt(0) != open || trimmed.charAt(trimmed.length() - 1) != close) {
            return null;
        }
        return trimmed.substring(1, trimmed.length() - 1);
    }

    /** Top-level items separated by {@code ", "}; empty for empty text. */
    static List<String> items(String body) {
        List<String> items = new ArrayList<>();
        if (body.isEmpty()) {
            return items;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '[' || c == '{') {
                depth++;
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0 && i + 1 < body.length() && body.charAt(i + 1) == ' ') {
                items.add(body.substring(start, i));
                start = i + 2;
                i++;
            }
        }
        items.add(body.substring(start));
        return items;
    }

    /** The index of the first {@code =} outside nested brackets, or -1. */
    static int topLevelEquals(String item) {
        int depth = 0;
        for (int i = 0; i < item.length(); i++) {
            char c = item.charAt(i);
            if (c == '[' || c == '{') {
                depth++;
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == '=' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The values of a row whose field names are known, split at {@code name=} of each field in turn; null
     * when the text does not have that shape (then the caller falls back to {@link #items}).
     */
    static List<String> namedFields(String body, List<String> names) {
        List<String> values = new ArrayList<>(names.size());
        String first = names.get(0) + "=";
        if (!body.startsWith(first)) {
            return null;
        }
        int valueStart = first.length();
        for (int i = 1; i < names.size(); i++) {
            String marker = ", " + names.get(i) + "=";
            int at = nextTopLevel(body, marker, valueStart);
            if (at < 0) {
                return null;
            }
            values.add(body.substring(valueStart, at));
            valueStart = at + marker.length();
        }
        values.add(body.substring(valueStart));
        return values;
    }

    /** The first occurrence of {@code marker} at nesting depth 0 at or after {@code from}; -1 if none. */
    private static int nextTopLevel(String body, String marker, int from) {
        int depth = 0;
        for (int i = from; i < body.length(); i++) {
            char c = body.charAt(i);
            if (depth == 0 && body.startsWith(marker, i)) {
                return i;
            }
            if (c == '[' || c == '{') {
                depth++;
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return -1;
    }
}
