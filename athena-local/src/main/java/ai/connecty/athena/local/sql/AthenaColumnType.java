package ai.connecty.athena.local.sql;

/**
 * One column type in every spelling Athena uses for it.
 *
 * @param athenaName    ColumnInfo.Type: base name, no parameters ({@code varchar}, {@code decimal}, {@code array}, {@code float})
 * @param precision     ColumnInfo.Precision as measured (varchar 2147483647, integer 10, timestamp 3, ...)
 * @param scale         ColumnInfo.Scale
 * @param caseSensitive ColumnInfo.CaseSensitive (true for varchar and char only)
 * @param trinoName     the full engine spelling ({@code varchar(10)}, {@code array(integer)}, {@code row(a integer)})
 * @param hiveName      the Glue / DESCRIBE spelling ({@code string}, {@code int}, {@code array<int>}, {@code struct<a:int>})
 */
public record AthenaColumnType(String athenaName, int precision, int scale, boolean caseSensitive,
                               String trinoName, String hiveName) {
}
