package ai.connecty.athena.jdbc.config;

import java.sql.SQLException;
import java.util.Locale;

/** Converts the text of a property to the Java value its {@link PropertyType} calls for, checking its range. */
final class TypedValue {
    private TypedValue() {
    }

    static Object parse(ConnectionProperty property, String text) throws SQLException {
        switch (property.type()) {
            case INTEGER:
                return (int) parseLong(property, text);
            case LONG:
                return parseLong(property, text);
            case DOUBLE:
                return parseDouble(property, text);
            case BOOLEAN:
                return parseBoolean(property, text);
            case CHOICE:
                return parseChoice(property, text);
            case STRING:
            default:
                return text;
        }
    }

    private static long parseLong(ConnectionProperty property, String text) throws SQLException {
        long max = property.type() == PropertyType.INTEGER ? Math.min(property.maximum(), Integer.MAX_VALUE)
                : property.maximum();
        // The bounds as enforced: the docs leave out a maximum of Integer.MAX_VALUE, a message must not.
        String expected = "expected a whole number " + bounds(property.minimum(), max);
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ConfigErrors.invalidValue(property, text, expected.trim());
        }
        if (value < property.minimum() || value > max) {
            throw ConfigErrors.invalidValue(property, text, expected.trim());
        }
        return value;
    }

    private static String bounds(long min, long max) {
        boolean hasMin = min != Long.MIN_VALUE;
        boolean hasMax = max != Long.MAX_VALUE;
        if (hasMin && hasMax) {
            return "from " + min + " to " + max;
        }
        return hasMin ? "of at least " + min : hasMax ? "of at most " + max : "";
    }

    private static double parseDouble(ConnectionProperty property, String text) throws SQLException {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw ConfigErrors.invalidValue(property, text, expectation("a number", property));
        }
        if (Double.isNaN(value) || value < property.minimum() || value > property.maximum()) {
            throw ConfigErrors.invalidValue(property, text, expectation("a number", property));
        }
        return value;
    }

    private static boolean parseBoolean(ConnectionProperty property, String text) throws SQLException {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("1")) {
            return true;
        }
        if (lower.equals("false") || lower.equals("0")) {
            return false;
        }
        throw ConfigErrors.invalidValue(property, text, "expected true, false, 1 or 0");
    }

    private static String parseChoice(ConnectionProperty property, String text) throws SQLException {
        for (String choice : property.choices()) {
            if (choice.equalsIgnoreCase(text)) {
                return choice;
            }
        }
        throw ConfigErrors.invalidValue(property, text, "expected one of " + String.join(", ", property.choices()));
    }

    private static String expectation(String kind, ConnectionProperty property) {
        String range = rangeText(property);
        return "expected " + kind + (range.isEmpty() ? "" : " " + range);
    }

    static String rangeText(ConnectionProperty property) {
        boolean hasMin = property.minimum() != Long.MIN_VALUE;
        boolean hasMax = property.maximum() != Long.MAX_VALUE && property.maximum() != Integer.MAX_VALUE;
        if (hasMin && hasMax) {
            return "from " + property.minimum() + " to " + property.maximum();
        }
        if (hasMin) {
            return "of at least " + property.minimum();
        }
        return "";
    }
}
