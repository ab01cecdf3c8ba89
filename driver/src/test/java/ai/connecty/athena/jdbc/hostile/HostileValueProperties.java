package ai.connecty.athena.jdbc.hostile;

import ai.connecty.athena.jdbc.results.ColumnSpec;
import ai.connecty.athena.jdbc.results.InMemoryResultSet;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Calendar;
import java.util.Collections;
import java.util.TimeZone;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every getter over every Athena type, fed text that Athena never renders (and some that it does): each gives a
 * value or a SQLException with a SQLState, whatever the text. This reaches every value parser of the
 * {@code types} registry through the public JDBC surface.
 */
class HostileValueProperties {

    @Provide
    Arbitrary<String> typeNames() {
        return Arbitraries.of("boolean", "tinyint", "smallint", "integer", "bigint", "real", "float", "double",
                "decimal", "decimal(38,9)", "decimal(5,2)", "varchar", "varchar(10)", "char(3)", "varbinary", "date",
                "timestamp", "timestamp(3)", "timestamp with time zone", "timestamp(6) with time zone", "time",
                "time(3)", "time with time zone", "array(integer)", "map(varchar,integer)", "row(a integer)", "json",
                "interval day to second", "interval year to month", "uuid", "ipaddress", "unknown", "no-such-type", "");
    }

    /** Arbitrary text, and text close to what the parsers expect, where parsers break. */
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789-+.:eE T/Z").ofMaxLength(30),
                Arbitraries.of("", " ", "NaN", "Infinity", "-Infinity", "1e400", "-0", "9223372036854775808",
                        "99999999999999999999999999999999999999999", "0.000000000000000000000000000000000000001",
                        "2024-02-30", "0000-00-00", "-290308-12-21", "+294247-01-10 04:00:54.775807",
                        "2024-01-01 25:61:61.9999999999", "2024-01-01 00:00:00.000 Mars/Phobos", "24:00:00",
                        "00:00:00.000 +25:00", "true", "TRUE", "t", "1", "yes", "0 00:00:00.000", "1-13",
                        "61 6c", "zz", "[1, 2", "{a=1", "{}", "[]", "null", "NULL", "\u0000", "\uD800", "１２３"),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf));
    }

    @Property(tries = 2000)
    void everyGetterGivesAValueOrASqlException(@ForAll("typeNames") String type, @ForAll("texts") String text) {
        ResultSet rs = InMemoryResultSet.create(null, Collections.singletonList(new ColumnSpec("c", type)),
                Collections.singletonList(Collections.singletonList(text)));
        String what = type + " '" + text + "'";
        Outcomes.onlySqlExceptions(what + " next", rs::next);
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        Outcomes.onlySqlExceptions(what + " getString", () -> rs.getString(1));
        Outcomes.onlySqlExceptions(what + " getBoolean", () -> rs.getBoolean(1));
        Outcomes.onlySqlExceptions(what + " getByte", () -> rs.getByte(1));
        Outcomes.onlySqlExceptions(what + " getShort", () -> rs.getShort(1));
        Outcomes.onlySqlExceptions(what + " getInt", () -> rs.getInt(1));
        Outcomes.onlySqlExceptions(what + " getLong", () -> rs.getLong("c"));
        Outcomes.onlySqlExceptions(what + " getFloat", () -> rs.getFloat(1));
        Outcomes.onlySqlExceptions(what + " getDouble", () -> rs.getDouble(1));
        Outcomes.onlySqlExceptions(what + " getBigDecimal", () -> rs.getBigDecimal(1));
        Outcomes.onlySqlExceptions(what + " getBytes", () -> rs.getBytes(1));
        Outcomes.onlySqlExceptions(what + " getDate", () -> rs.getDate(1));
        Outcomes.onlySqlExceptions(what + " getDate(cal)", () -> rs.getDate(1, utc));
        Outcomes.onlySqlExceptions(what + " getTime", () -> rs.getTime(1));
        Outcomes.onlySqlExceptions(what + " getTime(cal)", () -> rs.getTime(1, utc));
        Outcomes.onlySqlExceptions(what + " getTimestamp", () -> rs.getTimestamp(1));
        Outcomes.onlySqlExceptions(what + " getTimestamp(cal)", () -> rs.getTimestamp(1, utc));
        Outcomes.onlySqlExceptions(what + " getObject", () -> rs.getObject(1));
        Outcomes.onlySqlExceptions(what + " getArray", () -> rs.getArray(1));
        Outcomes.onlySqlExceptions(what + " getCharacterStream", () -> rs.getCharacterStream(1));
        for (Class<?> target : new Class<?>[] {String.class, Boolean.class, Integer.class, Long.class, Double.class,
                BigDecimal.class, byte[].class, LocalDate.class, LocalTime.class, LocalDateTime.class,
                OffsetDateTime.class, java.sql.Timestamp.class, Object.class}) {
            Outcomes.onlySqlExceptions(what + " getObject(" + target.getSimpleName() + ")", () -> rs.getObject(1, target));
        }
        Outcomes.onlySqlExceptions(what + " metadata", () -> {
            rs.getMetaData().getColumnType(1);
            rs.getMetaData().getPrecision(1);
            rs.getMetaData().getScale(1);
            rs.getMetaData().getColumnClassName(1);
            rs.getMetaData().getColumnDisplaySize(1);
        });
    }
}
