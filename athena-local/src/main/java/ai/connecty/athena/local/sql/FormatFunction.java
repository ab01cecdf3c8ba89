package ai.connecty.athena.local.sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;

/**
 * Trino's {@code format(format, args...)}, which is Java's {@link String#format} over the arguments as Java values
 * (bigint as Long, double as Double, decimal as BigDecimal, date as LocalDate …). DuckDB's {@code printf} follows C,
 * which differs beyond {@code %d} and {@code %.Nf} ({@code %s} of an integer, {@code %,.2f}, {@code %2$s},
 * {@code %tA}), so the translation hands each argument to a Java function as its DuckDB type name and its text,
 * and the function rebuilds the Java value Trino would pass.
 */
final class FormatFunction {

    static final String FUNCTION = "athena_format";

    private static final DateTimeFormatter DUCKDB_TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:mm", "+00").optionalEnd()
            .optionalStart().appendOffset("+HH", "+00").optionalEnd()
            .toFormatter(Locale.ROOT);

    private FormatFunction() {
    }

    static void register(Connection duck) throws SQLException {
        JavaFunctions.ofTextList(duck, FUNCTION, String.class, FormatFunction::format);
    }

    /** The DuckDB call for Trino's {@code format}: the format, then the type name and text of each argument. */
    static String call(List<String> argumentsSql) {
        StringBuilder sql = new StringBuilder(FUNCTION).append("(").append(argumentsSql.get(0));
        for (String argument : argumentsSql.subList(1, argumentsSql.size())) {
            sql.append(", typeof(").append(argument).append("), CAST(").append(argument).append(" AS VARCHAR)");
        }
        return sql.append(")").toString();
    }

    static String format(Object[] arguments) {
        if (arguments[0] == null) {
            return null;
        }
        Object[] values = new Object[(arguments.length - 1) / 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = value((String) arguments[1 + 2 * i], (String) arguments[2 + 2 * i]);
        }
        try {
            return String.format(Locale.ENGLISH, (String) arguments[0], values);
        } catch (IllegalFormatException e) {
            throw RaisedErrors.invalidArgumentError(e.getMessage());
        }
    }

    /** The Java value Trino's FormatFunction passes for a value of DuckDB type {@code type} spelled {@code text}. */
    private static Object value(String type, String text) {
        if (text == null) {
            return null;
        }
        if (type.startsWith("DECIMAL")) {
            return new BigDecimal(text);
        }
        return switch (type) {
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER" ->
                    Long.parseLong(text);
            case "DOUBLE" -> Double.parseDouble(text);
            case "FLOAT" -> (double) Float.parseFloat(text);
            case "BOOLEAN" -> Boolean.parseBoolean(text);
            case "DATE" -> LocalDate.parse(text);
            case "TIME" -> LocalTime.parse(text);
            case "TIMESTAMP", "TIMESTAMP_MS", "TIMESTAMP_S", "TIMESTAMP_NS" -> LocalDateTime.parse(text, DUCKDB_TIMESTAMP);
            case "TIMESTAMP WITH TIME ZONE" -> OffsetDateTime.parse(text, DUCKDB_TIMESTAMP)
                    .atZoneSameInstant(ZoneOffset.UTC);
            default -> text;
        };
    }
}
