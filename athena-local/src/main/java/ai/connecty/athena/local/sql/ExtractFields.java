package ai.connecty.athena.local.sql;

import io.trino.sql.tree.Extract;
import java.util.Set;

/**
 * The types Trino's analysis extracts each field from ({@code EXTRACT(YEAR FROM x)}, in its ExpressionAnalyzer's
 * visitExtract): a year or month from a date, a timestamp (with or without zone) or a year-to-month interval, a day
 * from those or a day-to-second interval, an hour, minute or second from a time or timestamp (with or without zone)
 * or a day-to-second interval, a time zone field from a value with a zone, the other fields from a date or timestamp.
 * Any other type fails with {@code TYPE_MISMATCH: line 1:22: Cannot extract YEAR from varchar(10)}, at the value,
 * where DuckDB would cast text and run; so does an untyped NULL ({@code Cannot extract YEAR from unknown}: unlike a
 * function's, EXTRACT's analysis coerces nothing).
 */
final class ExtractFields {

    private static final Set<String> DATES = Set.of("date", "timestamp", "timestamp with time zone");
    private static final Set<String> TIMES = Set.of("time", "time with time zone", "timestamp",
            "timestamp with time zone", "interval day to second");
    private static final Set<String> ZONED = Set.of("time with time zone", "timestamp with time zone");

    private ExtractFields() {
    }

    /**
     * @param type     the value's type where it is certain, else null (not judged)
     * @param position Trino's {@code line L:C: } prefix of the value
     */
    static void check(Extract.Field field, SqlType type, String position) {
        if (!SignatureBinding.judged(type) || takes(field).contains(type.base())) {
            return;
        }
        throw EngineFailure.user("TYPE_MISMATCH", position + "Cannot extract " + field.name() + " from "
                + type.analyzedName());
    }

    private static Set<String> takes(Extract.Field field) {
        return switch (field) {
            case YEAR, MONTH -> Set.of("date", "timestamp", "timestamp with time zone", "interval year to month");
            case DAY -> Set.of("date", "timestamp", "timestamp with time zone", "interval day to second");
            case HOUR, MINUTE, SECOND -> TIMES;
            case TIMEZONE_HOUR, TIMEZONE_MINUTE -> ZONED;
            default -> DATES;
        };
    }
}
