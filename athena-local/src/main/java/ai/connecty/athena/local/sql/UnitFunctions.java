package ai.connecty.athena.local.sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.DecimalFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trino's functions that read or write amounts with units, as Java functions (see {@link JavaFunctions}) written after
 * Trino's own code, whose rounding and wording no DuckDB function shares: {@code format_number} ({@code 123K}),
 * {@code parse_data_size} ({@code 2.3MB}), {@code parse_duration} ({@code 42.8ms}) and {@code human_readable_seconds}.
 * Numbers come in as text (DuckDB's spelling of the SQL value) and {@link Calls} casts the results to Trino's types.
 */
final class UnitFunctions {

    static final String FORMAT_NUMBER = "athena_format_number";
    static final String PARSE_DATA_SIZE = "athena_parse_data_size";
    static final String PARSE_DURATION_MILLIS = "athena_parse_duration_millis";
    static final String HUMAN_READABLE_SECONDS = "athena_human_readable_seconds";

    private static final String[] NUMBER_UNITS = {"", "K", "M", "B", "T", "Q"};
    private static final Map<String, BigDecimal> DATA_SIZE_UNITS = Map.of(
            "B", BigDecimal.ONE, "kB", BigDecimal.valueOf(1L << 10), "MB", BigDecimal.valueOf(1L << 20),
            "GB", BigDecimal.valueOf(1L << 30), "TB", BigDecimal.valueOf(1L << 40),
            "PB", BigDecimal.valueOf(1L << 50), "EB", BigDecimal.valueOf(1L << 60),
            "ZB", BigDecimal.valueOf(1L << 60).multiply(BigDecimal.valueOf(1L << 10)),
            "YB", BigDecimal.valueOf(1L << 60).multiply(BigDecimal.valueOf(1L << 20)));
    /** airlift's Duration syntax, which Trino's parse_duration uses. */
    private static final Pattern DURATION = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]+)\\s*$");
    private static final Map<String, Double> MILLIS_PER_UNIT = Map.of("ns", 1e-6, "us", 1e-3, "ms", 1.0,
            "s", 1e3, "m", 60e3, "h", 3600e3, "d", 86400e3);

    private UnitFunctions() {
    }

    static void register(Connection duck) throws SQLException {
        JavaFunctions.ofText(duck, FORMAT_NUMBER, String.class, UnitFunctions::formatNumber);
        JavaFunctions.ofText(duck, PARSE_DATA_SIZE, String.class, UnitFunctions::parseDataSize);
        JavaFunctions.ofText(duck, PARSE_DURATION_MILLIS, Long.class, UnitFunctions::parseDurationMillis);
        JavaFunctions.ofText(duck, HUMAN_READABLE_SECONDS, String.class, UnitFunctions::humanReadableSeconds);
    }

    /** Trino's FormatNumberFunction: a double is cut to a bigint, then three significant digits and a unit. */
    static String formatNumber(String number) {
        double value = new BigDecimal(number).longValue();
        int unit = 0;
        while ((value >= 1000 || value <= -1000) && unit < NUMBER_UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        double magnitude = value;
        DecimalFormat format = new DecimalFormat(magnitude < 10 ? "#.##" : magnitude < 100 ? "#.#" : "#");
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value) + NUMBER_UNITS[unit];
    }

    /** Trino's DataSizeFunctions: a decimal number and a unit of powers of 1024, the bytes cut to an integer. */
    static String parseDataSize(String text) {
        int digits = 0;
        while (digits < text.length() && (Character.isDigit(text.charAt(digits)) || text.charAt(digits) == '.')) {
            digits++;
        }
        BigDecimal factor = DATA_SIZE_UNITS.get(text.substring(digits));
        if (digits == 0 || factor == null) {
            throw RaisedErrors.invalidArgumentError("Invalid data size: '" + text + "'");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.substring(0, digits));
        } catch (NumberFormatException e) {
            throw RaisedErrors.invalidArgumentError("Invalid data size: '" + text + "'");
        }
        String bytes = value.multiply(factor).toBigInteger().toString();
        if (bytes.length() > 38) {
            throw new RaisedErrors.Raised("NUMERIC_VALUE_OUT_OF_RANGE",
                    "Value out of range: '" + text + "' ('" + bytes + "B')");
        }
        return bytes;
    }

    /** Trino's parse_duration: airlift's Duration rounded to milliseconds (half up), which the interval holds. */
    static Long parseDurationMillis(String text) {
        Matcher matcher = DURATION.matcher(text);
        Double millisPerUnit = matcher.matches() ? MILLIS_PER_UNIT.get(matcher.group(2)) : null;
        if (millisPerUnit == null) {
            throw RaisedErrors.invalidArgumentError("duration is not a valid data duration string: " + text);
        }
        return (long) Math.floor(Double.parseDouble(matcher.group(1)) * millisPerUnit + 0.5);
    }

    /** Trino's HumanReadableSeconds: whole seconds (rounded, sign dropped) in weeks, days, hours, minutes, seconds. */
    static String humanReadableSeconds(String number) {
        double input = Double.parseDouble(number);
        if (Double.isNaN(input) || Double.isInfinite(input)) {
            throw RaisedErrors.invalidArgumentError("Invalid argument found: " + input);
        }
        long seconds = Math.round(Math.abs(input));
        long[] amounts = {seconds / 604800, seconds % 604800 / 86400, seconds % 86400 / 3600, seconds % 3600 / 60,
                seconds % 60};
        String[] names = {"week", "day", "hour", "minute", "second"};
        StringJoiner periods = new StringJoiner(", ");
        for (int i = 0; i < amounts.length; i++) {
            if (amounts[i] > 0) {
                periods.add(amounts[i] + " " + names[i] + (amounts[i] == 1 ? "" : "s"));
            }
        }
        return periods.length() == 0 ? "0 seconds" : periods.toString();
    }
}
