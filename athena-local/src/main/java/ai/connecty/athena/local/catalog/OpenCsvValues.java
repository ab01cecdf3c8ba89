package ai.connecty.athena.local.catalog;

import ai.connecty.athena.local.sql.Identifiers;
import ai.connecty.athena.local.sql.Literals;
import ai.connecty.athena.local.sql.RaisedErrors;
import java.util.Locale;

/**
 * How a field of an OpenCSVSerde table becomes the value of a column that is not a string, as Athena documents it
 * (csv-serde.html): the SerDe hands every field over as text, which is then parsed into the column's type; a DATE
 * written as a whole number is that many days since 1970-01-01 and a TIMESTAMP written as one that many
 * milliseconds since the epoch (UNIX numeric format). A field that does not parse, the empty field included (OpenCSV
 * has no NULL text, so it is never NULL), fails the query with HIVE_BAD_DATA, unless the table sets the property
 * {@code use.null.for.invalid.data} to true, which reads it as NULL. A field missing from a short line is NULL.
 * <p>
 * Both readers of OpenCSV files ({@link OpenCsvReader} and DuckDB's CSV reader, {@link PlainCsvFiles}) give the
 * fields as VARCHAR, so this one expression over them keeps the two alike.
 */
final class OpenCsvValues {

    /** The table property Athena documents for reading invalid values as NULL. */
    static final String NULL_FOR_INVALID_DATA = "use.null.for.invalid.data";

    private OpenCsvValues() {
    }

    /**
     * The SELECT item of {@code column} (the table's {@code field}-th, from 0) over the reader's VARCHAR field of
     * that name, typed {@code duckType}.
     */
    static String item(TableDef table, ColumnDef column, int field, String duckType) {
        String text = Identifiers.quote(column.name());
        String parsed = parsed(text, duckType);
        if (nullForInvalidData(table)) {
            return parsed + " AS " + text;
        }
        // the error stands where a value stands (RaisedErrors.raise), so DuckDB raises it only for such a row
        String message = Literals.quote("Error parsing field value '") + " || " + text + " || "
                + Literals.quote("' for field " + field + ": Cannot parse '") + " || " + text + " || "
                + Literals.quote("' as " + column.type() + " for column '" + column.name() + "'");
        return "CASE WHEN " + text + " IS NULL THEN NULL WHEN " + parsed + " IS NOT NULL THEN " + parsed
                + " ELSE " + RaisedErrors.raise("HIVE_BAD_DATA", message) + " END AS " + text;
    }

    /** The value of {@code text} in {@code duckType}, or NULL where it does not parse. */
    private static String parsed(String text, String duckType) {
        String number = "regexp_full_match(" + text + ", '\\s*-?[0-9]+\\s*')";
        if (duckType.equals("DATE")) {
            return "CASE WHEN " + number + " THEN TRY_CAST(DATE '1970-01-01' + TRY_CAST(" + text
                    + " AS INTEGER) AS DATE) ELSE TRY_CAST(" + text + " AS DATE) END";
        }
        if (duckType.startsWith("TIMESTAMP")) {
            return "CASE WHEN " + number + " THEN TRY_CAST(epoch_ms(TRY_CAST(" + text + " AS BIGINT)) AS "
                    + duckType + ") ELSE TRY_CAST(" + text + " AS " + duckType + ") END";
        }
        return "TRY_CAST(" + text + " AS " + duckType + ")";
    }

    static boolean nullForInvalidData(TableDef table) {
        return table.parameters().getOrDefault(NULL_FOR_INVALID_DATA, "false").trim().toLowerCase(Locale.ROOT)
                .equals("true");
    }
}
