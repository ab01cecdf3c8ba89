package ai.connecty.athena.local.sql;

import io.trino.sql.tree.Node;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps DuckDB error messages to the Trino error name, ErrorType and wording Athena reports
 * (measured-behaviour §6.4). Positions ({@code line 1:15}) are those of the names in the statement's Trino tree.
 * An error we do not recognise becomes GENERIC_USER_ERROR (category 2, type 1000) with DuckDB's own text;
 * DuckDB "INTERNAL" errors become GENERIC_INTERNAL_ERROR (category 1, type 100).
 */
final class EngineErrors {

    private static final Pattern ERROR_LINE = Pattern.compile("^(?:Error: )?([A-Z][A-Za-z ]*?) Error: (.*)$");
    private static final String PENDING_WRAPPER = "Attempting to execute an unsuccessful or closed pending query result";

    private static final Pattern MISSING_TABLE = Pattern.compile("Table with name \"?([^\" ]+)\"? does not exist(?: because schema \"([^\"]+)\" does not exist)?");
    private static final Pattern MISSING_CATALOG = Pattern.compile("Catalog \"([^\"]+)\" does not exist");
    private static final Pattern MISSING_COLUMN = Pattern.compile("(?:Referenced column|does not have a column named) \"([^\"]+)\"");
    private static final Pattern MISSING_FUNCTION = Pattern.compile("(?:Scalar|Aggregate|Table) Function with name \"?([^\" ]+?)\"?"
            + " (?:does not exist|is not in the catalog)");
    /** A Trino error raised by translated SQL or a Java function (see RaisedErrors): its name, then its message. */
    private static final Pattern RAISED = Pattern.compile(
            Pattern.quote(RaisedErrors.Raised.class.getName()) + ": ([A-Z_]+): (.*)");

    private static final Pattern NO_CANDIDATE = Pattern.compile("function call \"([^\"(]+)\\(([^)]*)\\)\"|argument types '([^'(]+)\\(([^)]*)\\)'");
    private static final Pattern BAD_STRING_CAST = Pattern.compile("Could not convert string '(.*)' to ([A-Z0-9]+)");
    private static final Pattern BAD_DATE_CAST = Pattern.compile("invalid (date|timestamp|time)(?: field)? format: \"(.*?)\"");
    /** A day that does not exist ('2024-02-30') or an hour past 23: DuckDB's words differ from a bad format's. */
    private static final Pattern OUT_OF_RANGE_DATE_CAST = Pattern.compile("(date|timestamp|time) field value out of range: \"(.*?)\"");
    private static final Pattern OUT_OF_RANGE_CAST = Pattern.compile("with value (\\S+) can't be cast because the value is out of range for the destination type ([A-Z0-9]+)");
    private static final Pattern NOT_AGGREGATE = Pattern.compile("column \"([^\"]+)\" must appear in the GROUP BY clause");
    private static final Pattern OVERFLOW = Pattern.compile("Overflow in (\\w+) of ([A-Z0-9]+) \\((.*)\\)");
    /** DuckDB's abs of an integer type's smallest value; Trino's MathFunctions.abs* name the type by that value. */
    private static final Pattern ABS_OVERFLOW = Pattern.compile("Overflow on abs\\((-\\d+)\\)");

    private static final Map<String, String> DUCK_TO_TRINO_TYPE = Map.ofEntries(
            Map.entry("INT8", "tinyint"), Map.entry("INT16", "smallint"), Map.entry("INT32", "integer"),
            Map.entry("INT64", "bigint"), Map.entry("INTEGER_LITERAL", "integer"), Map.entry("STRING_LITERAL", "varchar"),
            Map.entry("VARCHAR", "varchar"), Map.entry("INTEGER", "integer"), Map.entry("BIGINT", "bigint"),
            Map.entry("DOUBLE", "double"), Map.entry("FLOAT", "real"), Map.entry("BOOLEAN", "boolean"),
            Map.entry("DATE", "date"), Map.entry("TIMESTAMP", "timestamp(3)"), Map.entry("BLOB", "varbinary"),
            Map.entry("INTERVAL", "interval day to second"));

    /** Trino's spelling of the target in "Cannot cast 'abc' to INT". */
    private static final Map<String, String> CAST_TARGET = Map.of("INT8", "TINYINT", "INT16", "SMALLINT",
            "INT32", "INT", "INT64", "BIGINT");

    private EngineErrors() {
    }

    static int errorType(String errorName) {
        return switch (errorName) {
            case "DIVISION_BY_ZERO" -> 1001;
            case "TYPE_MISMATCH" -> 1002;
            // EXPRESSION_NOT_AGGREGATE is not in the measured table: taken to be 1006 like Trino's other analysis errors
            case "COLUMN_NOT_FOUND", "CATALOG_NOT_FOUND", "SYNTAX_ERROR", "EXPRESSION_NOT_AGGREGATE" -> 1006;
            case "INVALID_CAST_ARGUMENT", "NUMERIC_VALUE_OUT_OF_RANGE", "INVALID_PARAMETER_USAGE", "MISSING_COLUMN_NAME",
                 "INVALID_TABLE_PROPERTY" -> 1100;
            case "INVALID_FUNCTION_ARGUMENT" -> 1106;
            case "TABLE_ALREADY_EXISTS" -> 1110;
            case "NOT_SUPPORTED" -> 1200;
            case "NOT_FOUND" -> 1300;
            case "TABLE_NOT_FOUND", "SCHEMA_NOT_FOUND" -> 1301;
            case "FUNCTION_NOT_FOUND" -> 1303;
            case "GENERIC_INTERNAL_ERROR" -> 100;
            default -> 1000;
        };
    }

    /** {@code tree}: the statement DuckDB ran a translation of (for positions), or null when there is none. */
    static EngineFailure map(SQLException error, Node tree, String catalog, String database) {
        NamesInTree names = NamesInTree.of(tree);
        String[] kindAndText = duckDbError(String.valueOf(error.getMessage()));
        String kind = kindAndText[0];
        String text = kindAndText[1];
        Matcher m;
        if ((m = RAISED.matcher(text)).find()) {
            return EngineFailure.user(m.group(1), m.group(2));
        }
        if ((m = MISSING_TABLE.matcher(text)).find()) {
            return missingTable(m.group(1), m.group(2), names, catalog, database);
        }
        if ((m = MISSING_CATALOG.matcher(text)).find()) {
            return EngineFailure.user("CATALOG_NOT_FOUND",
                    at(names, m.group(1)) + "Catalog '" + m.group(1).toLowerCase(Locale.ROOT) + "' does not exist");
        }
        if ((m = MISSING_COLUMN.matcher(text)).find()) {
            return EngineFailure.user("COLUMN_NOT_FOUND", at(names, m.group(1)) + "Column '" + m.group(1) + "' cannot be resolved");
        }
        if ((m = MISSING_FUNCTION.matcher(text)).find()) {
            return EngineFailure.user("FUNCTION_NOT_FOUND", at(names, m.group(1)) + "Function '" + m.group(1) + "' not registered");
        }
        if ((m = NOT_AGGREGATE.matcher(text)).find()) {
            return EngineFailure.user("EXPRESSION_NOT_AGGREGATE", at(names, m.group(1)) + "'" + m.group(1)
                    + "' must be an aggregate expression or appear in GROUP BY clause");
        }
        if ((m = NO_CANDIDATE.matcher(text)).find()) {
            return noCandidate(m, names);
        }
        if ((m = BAD_STRING_CAST.matcher(text)).find()) {
            return EngineFailure.user("INVALID_CAST_ARGUMENT",
                    "Cannot cast '" + m.group(1) + "' to " + CAST_TARGET.getOrDefault(m.group(2), m.group(2)));
        }
        if ((m = BAD_DATE_CAST.matcher(text)).find() || (m = OUT_OF_RANGE_DATE_CAST.matcher(text)).find()) {
            return EngineFailure.user("INVALID_CAST_ARGUMENT", "Value cannot be cast to " + m.group(1) + ": " + m.group(2));
        }
        if ((m = OUT_OF_RANGE_CAST.matcher(text)).find()) {
            return EngineFailure.user("NUMERIC_VALUE_OUT_OF_RANGE", "Out of range for " + trinoType(m.group(2)) + ": " + m.group(1));
        }
        if ((m = ABS_OVERFLOW.matcher(text)).find()) {
            String type = switch (m.group(1)) {
                case "-128" -> "tinyint";
                case "-32768" -> "smallint";
                case "-2147483648" -> "integer";
                default -> "bigint";
            };
            return EngineFailure.user("NUMERIC_VALUE_OUT_OF_RANGE", "Value " + m.group(1) + " is out of range for abs("
                    + type + ")");
        }
        if ((m = OVERFLOW.matcher(text)).find()) {
            return EngineFailure.user("NUMERIC_VALUE_OUT_OF_RANGE", trinoType(m.group(2)) + " " + m.group(1) + " overflow: " + m.group(3));
        }
        if (text.contains("Division by zero") || text.contains("division by zero")) {
            return EngineFailure.user("DIVISION_BY_ZERO", "Division by zero");
        }
        if (kind.equalsIgnoreCase("INTERNAL")) {
            return new EngineFailure("GENERIC_INTERNAL_ERROR", EngineFailure.CATEGORY_SYSTEM, 100, text);
        }
        if (kind.equals("Not implemented")) {
            return EngineFailure.user("NOT_SUPPORTED", text);
        }
        return EngineFailure.user("GENERIC_USER_ERROR", text);
    }

    private static EngineFailure missingTable(String name, String missingSchema, NamesInTree names, String catalog,
                                              String database) {
        List<String> parts = List.of(name.split("\\."));
        String lastPart = parts.get(parts.size() - 1);
        // DuckDB names only the last part of the table; the reference as written in the query has the rest
        // (Trino reports the fully qualified name, positioned at the start of the reference).
        NamesInTree.Name written = names.reference(lastPart).orElse(null);
        if (written != null && written.parts().size() > parts.size()) {
            parts = written.parts();
        }
        String position = written != null ? written.position() : at(names, parts.get(0));
        if (missingSchema != null) {
            return EngineFailure.user("SCHEMA_NOT_FOUND", position + "Schema '" + missingSchema.toLowerCase(Locale.ROOT)
                    + "' does not exist");
        }
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : database;
        String cat = parts.size() >= 3 ? parts.get(parts.size() - 3) : catalog;
        String qualified = (cat == null ? "" : cat + ".") + (schema == null ? "" : schema + ".") + lastPart;
        return EngineFailure.user("TABLE_NOT_FOUND", position + "Table '" + qualified.toLowerCase(Locale.ROOT) + "' does not exist");
    }

    private static EngineFailure noCandidate(Matcher m, NamesInTree names) {
        String name = m.group(1) != null ? m.group(1) : m.group(3);
        String args = m.group(1) != null ? m.group(2) : m.group(4);
        StringBuilder types = new StringBuilder();
        for (String arg : args.split(",\\s*")) {
            String t = arg.trim();
            types.append(types.length() == 0 ? "" : ", ").append(DUCK_TO_TRINO_TYPE.getOrDefault(t, t.toLowerCase(Locale.ROOT)));
        }
        if (!name.matches("[A-Za-z_].*")) {
            return EngineFailure.user("TYPE_MISMATCH", "Cannot apply operator: " + types.toString().replace(", ", " " + name + " "));
        }
        return EngineFailure.user("FUNCTION_NOT_FOUND", at(names, name) + "Unexpected parameters (" + types
                + ") for function " + name);
    }

    private static String trinoType(String duckType) {
        return DUCK_TO_TRINO_TYPE.getOrDefault(duckType, duckType.toLowerCase(Locale.ROOT));
    }

    /** {@code "line L:C: "} for the first occurrence of {@code identifier} in the statement, or "" when absent. */
    private static String at(NamesInTree names, String identifier) {
        return names.identifier(identifier).map(NamesInTree.Name::position).orElse("");
    }

    /** The DuckDB error class ("Catalog", "Binder", ...) and message, without JDBC wrapping or the SQL excerpt. */
    static String[] duckDbError(String message) {
        String kind = "";
        String text = message.lines().findFirst().orElse(message);
        for (String line : message.split("\n")) {
            Matcher m = ERROR_LINE.matcher(line.trim());
            if (m.matches() && !m.group(2).contains(PENDING_WRAPPER)) {
                kind = m.group(1);
                text = m.group(2);
            }
        }
        return new String[] {kind, text.trim()};
    }
}
