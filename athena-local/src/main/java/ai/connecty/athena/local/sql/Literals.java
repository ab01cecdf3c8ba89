package ai.connecty.athena.local.sql;

import java.math.BigDecimal;
import java.util.List;

/** Trino literals in DuckDB form, and the one way athena-local writes a string into SQL it hands DuckDB. */
public final class Literals {

    private Literals() {
    }

    /** Trino types {@code 1.5} as DOUBLE (DuckDB: DECIMAL); integers and exponent forms agree already. */
    static String number(String text) {
        if (text.contains(".") && !text.contains("e") && !text.contains("E")) {
            return "CAST(" + text + " AS DOUBLE)";
        }
        return text;
    }

    /** {@code X'0102'} as a DuckDB BLOB. */
    static String binary(String hexDigits) {
        String hex = hexDigits.replaceAll("\\s", "");
        if (hex.length() % 2 != 0 || !hex.matches("[0-9A-Fa-f]*")) {
            throw new UnsupportedSqlException("the binary literal X'" + hexDigits + "' (it needs an even number of hex digits)");
        }
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < hex.length(); i += 2) {
            out.append("\\x").append(hex, i, i + 2);
        }
        return out.append("'::BLOB").toString();
    }

    /** A typed literal such as {@code DECIMAL '1.50'}, or null when {@code type} is not a literal type. */
    static String typed(String type, String value) {
        String quoted = quote(value);
        return switch (type) {
            case "date" -> "DATE " + quoted;
            case "time" -> time(value);
            case "timestamp" -> timestamp(value);
            case "decimal" -> "CAST(" + quoted + " AS " + decimalType(value) + ")";
            case "json" -> "json(" + quoted + ")";
            case "uuid" -> "CAST(" + quoted + " AS UUID)";
            case "real" -> "CAST(" + quoted + " AS FLOAT)";
            case "double", "tinyint", "smallint", "integer", "bigint", "boolean" ->
                    "CAST(" + quoted + " AS " + type.toUpperCase(java.util.Locale.ROOT) + ")";
            case "varchar", "char" -> quoted;
            case "ipaddress" -> IpAddresses.fromText(quoted, false);
            case "varbinary" -> "encode(" + quoted + ")";
            default -> null;
        };
    }

    /** {@code value} as a SQL string literal, inner quotes doubled (Trino and DuckDB agree on this form). */
    public static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The DuckDB type of a decimal literal (see {@link #decimalLiteralType}). */
    static String decimalType(String literal) {
        return decimalLiteralType(literal).duckDbName();
    }

    /**
     * Trino: the literal's digits give the precision, its fraction digits the scale ({@code '1.50'} = decimal(3,2)).
     *
     * @throws UnsupportedSqlException when {@code literal} is no number
     */
    static SqlType decimalLiteralType(String literal) {
        try {
            BigDecimal value = new BigDecimal(literal.trim());
            String plain = literal.trim().replaceFirst("^[+-]", "");
            int dot = plain.indexOf('.');
            String integerDigits = (dot < 0 ? plain : plain.substring(0, dot)).replaceFirst("^0+", "");
            int scale = Math.max(value.scale(), 0);
            int precision = Math.max(integerDigits.length() + scale, 1);
            return SqlType.decimal(Math.min(precision, 38), scale);
        } catch (NumberFormatException e) {
            throw new UnsupportedSqlException("the decimal literal DECIMAL '" + literal + "' (not a number)");
        }
    }

    /**
     * A Trino interval literal with a range of fields ({@code INTERVAL '1-2' YEAR TO MONTH},
     * {@code INTERVAL '1 02:03:04.5' DAY TO SECOND}) as one DuckDB interval, or null when the value does not fit the
     * fields. DuckDB reads only single-field interval literals.
     */
    static String intervalRange(String value, String from, String to) {
        String v = value.strip();
        boolean negative = v.startsWith("-");
        if (negative || v.startsWith("+")) {
            v = v.substring(1);
        }
        String sign = negative ? "-" : "";
        if (from.equals("YEAR") && to.equals("MONTH")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)-(\\d+)").matcher(v);
            return m.matches() ? "INTERVAL '" + sign + (Long.parseLong(m.group(1)) * 12 + Long.parseLong(m.group(2)))
                    + "' MONTH" : null;
        }
        if (from.equals(to)) {
            return null;
        }
        BigDecimal micros = dayToSecondMicros(v, from, to);
        return micros == null ? null
                : "INTERVAL '" + sign + micros.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString() + "' MICROSECOND";
    }

    /**
     * The microseconds of a day-to-second interval literal's value for its fields ({@code '5'} HOUR,
     * {@code '-1 02:03'} DAY TO MINUTE), or null when the value does not fit them.
     */
    static BigDecimal dayToSecondMicros(String value, String from, String to) {
        String v = value.strip();
        boolean negative = v.startsWith("-");
        if (negative || v.startsWith("+")) {
            v = v.substring(1);
        }
        List<String> fields = List.of("DAY", "HOUR", "MINUTE", "SECOND");
        int first = fields.indexOf(from);
        int last = fields.indexOf(to);
        if (first < 0 || last < first) {
            return null;
        }
        StringBuilder shape = new StringBuilder();
        for (int f = first; f <= last; f++) {
            shape.append(f == first ? "" : f == 1 ? " " : ":").append(f == 3 ? "(\\d+(?:\\.\\d+)?)" : "(\\d+)");
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(shape.toString()).matcher(v);
        if (!m.matches()) {
            return null;
        }
        long[] microsPer = {86_400_000_000L, 3_600_000_000L, 60_000_000L, 1_000_000L};
        BigDecimal micros = BigDecimal.ZERO;
        for (int f = first; f <= last; f++) {
            micros = micros.add(new BigDecimal(m.group(f - first + 1)).multiply(BigDecimal.valueOf(microsPer[f])));
        }
        return negative ? micros.negate() : micros;
    }

    /** Trino's time with time zone literal: a time, optional blanks, then a {@code +HH:MM} offset. */
    private static final java.util.regex.Pattern TIME_WITH_OFFSET =
            java.util.regex.Pattern.compile("(\\d{1,2}:\\d{1,2}(?::\\d{1,2}(?:\\.\\d+)?)?)\\s*([+-]\\d\\d:\\d\\d)");

    /**
     * {@code TIME '…'}: with an offset ({@code 10:00:00+05:00}, {@code 10:00:00 -08:00}) a time with time zone,
     * which DuckDB's TIMETZ keeps as written; without, a plain time.
     */
    static String time(String value) {
        java.util.regex.Matcher m = TIME_WITH_OFFSET.matcher(value.strip());
        if (m.matches()) {
            return "TIMETZ " + quote(m.group(1) + m.group(2));
        }
        return "TIME " + quote(value);
    }

    /**
     * {@code TIMESTAMP '…'}: a plain timestamp, or with a zone the instant it names (see {@link ZonedTimestampText}).
     *
     * A plain one of more than six fraction digits is DuckDB's TIMESTAMP_NS, which keeps them.
     *
     * @throws java.time.DateTimeException when the text names a zone but no valid date, time or zone
     * @throws UnsupportedSqlException     for more than nine fraction digits, which DuckDB cannot hold
     */
    static String timestamp(String value) {
        SqlType type = timestampLiteralType(value);
        int precision = type == null ? 0 : type.length();
        TimestampPrecision.check(precision);
        return ZonedTimestampText.parse(value).map(ZonedTimestampText.Zoned::duckDbLiteral)
                .orElseGet(() -> TimestampPrecision.duckDbType(precision) + " " + quote(value));
    }

    /** A date, an optional time with optional fraction digits, and what follows (a zone, or nothing). */
    private static final java.util.regex.Pattern TIMESTAMP_TEXT = java.util.regex.Pattern.compile(
            "\\s*[+-]?\\d{4,}-\\d{1,2}-\\d{1,2}(?:[ T]\\d{1,2}:\\d{1,2}(?::\\d{1,2}(?:\\.(\\d*))?)?)?\\s*(.*?)\\s*");

    /**
     * Trino's type of {@code TIMESTAMP '…'}: a timestamp of as many fraction digits as the text has (none:
     * {@code timestamp(0)}), with time zone where a zone follows; null for text of another shape.
     */
    static SqlType timestampLiteralType(String value) {
        java.util.regex.Matcher m = TIMESTAMP_TEXT.matcher(value);
        if (!m.matches()) {
            return null;
        }
        int precision = m.group(1) == null ? 0 : m.group(1).length();
        if (precision > 12) {
            return null;
        }
        return SqlType.timestamp(m.group(2).isEmpty() ? "timestamp" : "timestamp with time zone", precision);
    }
}
