package ai.connecty.athena.local.sql;

import java.time.ZoneId;

/**
 * What Trino's tree shows of a result column's type that DuckDB's result type cannot say: DuckDB has one INTERVAL,
 * one unbounded VARCHAR, no type for an untyped NULL and no zone in a TIMESTAMPTZ value. Found by
 * {@link DuckDbPrinter} for the outermost SELECT list's expressions where the tree makes it visible, and applied by
 * {@link QueryRunner} when DuckDB's type agrees with it.
 *
 * @param type the column's Athena type
 * @param zone for a timestamp with time zone, the zone its values are printed in (null: UTC, the session zone)
 */
record ColumnHint(SqlType type, ZoneId zone) {

    /** A timestamp with time zone shown in {@code zone}. */
    static ColumnHint zoned(ZoneId zone) {
        return new ColumnHint(SqlType.simple("timestamp with time zone"), zone);
    }

    /** Whether the hint refines {@code duckDbType}, the type DuckDB reports for the column. */
    boolean refines(SqlType duckDbType) {
        return switch (type.base()) {
            case "timestamp with time zone" -> duckDbType.is("timestamp with time zone");
            case "timestamp" -> duckDbType.is("timestamp");
            case "interval year to month" -> duckDbType.is("interval day to second");
            case "unknown" -> duckDbType.is("integer");
            case "char", "varchar" -> duckDbType.is("varchar");
            // an array of timestamps of a precision the tree shows
            case "array" -> duckDbType.is("array") && new ColumnHint(type.element(), zone).refines(duckDbType.element());
            default -> false;
        };
    }
}
