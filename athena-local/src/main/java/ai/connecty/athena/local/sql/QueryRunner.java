package ai.connecty.athena.local.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import io.trino.sql.tree.Explain;
import io.trino.sql.tree.ExplainAnalyze;
import io.trino.sql.tree.ExplainType;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs row-returning Athena statements on DuckDB and streams Athena-rendered rows. */
public final class QueryRunner {

    /**
     * Session settings every DuckDB connection that runs Athena SQL needs: Trino semantics for {@code 5/2},
     * a UTC session zone (Athena's), Trino's NULL ordering, and never downloading extensions.
     */
    private static final List<String> SESSION_SETTINGS = List.of(
        "SET autoinstall_known_extensions = false",
        // Without autoloading DuckDB names the function an unloaded extension would provide (see EngineErrors).
        "SET autoload_known_extensions = false",
        "SET TimeZone = 'UTC'",
        "SET integer_division = true",
        "SET default_null_order = 'nulls_last'",
        // DuckDB's common-subexpression pass lifts an expression shared by try(x + 1) and try(x) out of both TRYs,
        // where a failure in it is no longer caught: try(a / b) next to try(a / b * 100) would fail.
        "SET disabled_optimizers = 'common_subexpressions'");

    private QueryRunner() {
    }

    /**
     * Applies the session settings Athena semantics depend on and creates the connection's temporary macros (Trino
     * division, see {@link Division} and {@link DecimalArithmetic}; date types, see {@link TemporalMacros}; array, map and JSON functions, see
     * {@link CollectionMacros}) and Java functions ({@link JavaFunctions});
     * call once per DuckDB connection before running translated SQL on it, also
     * {@link #duckDbQuery} text and views made of it.
     */
    public static void configure(Connection duck) {
        try (java.sql.Statement statement = duck.createStatement()) {
            JavaFunctions.register(duck);
            for (String setting : SESSION_SETTINGS) {
                statement.execute(setting);
            }
            for (String macro : DecimalArithmetic.MACROS) {
                statement.execute(macro);
            }
            for (String macro : VarcharCasts.MACROS) {
                statement.execute(macro);
            }
            for (String macro : Division.MACROS) {
                statement.execute(macro);
            }
            for (String macro : TemporalMacros.MACROS) {
                statement.execute(macro);
            }
            for (String macro : CollectionMacros.MACROS) {
                statement.execute(macro);
            }
            for (String macro : TimestampPrecision.MACROS) {
                statement.execute(macro);
            }
            for (String macro : IntervalScaling.MACROS) {
                statement.execute(macro);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot configure the DuckDB connection: " + e.getMessage(), e);
        }
    }

    /**
     * Parses, translates and runs {@code athenaSql} (SELECT, WITH, VALUES, TABLE or EXPLAIN), sending columns then
     * rows to {@code sink}.
     *
     * @return the number of rows sent
     * @throws SqlRejectedException when the text is no valid statement
     * @throws EngineFailure when DuckDB fails, described as Athena would describe it
     * @throws UnsupportedSqlException when the statement uses SQL athena-local cannot translate
     */
    public static long run(Connection duck, String athenaSql, String catalog, String database, RowSink sink) {
        return run(duck, SqlStatement.parse(athenaSql), catalog, database, sink);
    }

    /** As {@link #run(Connection, String, String, String, RowSink)} on a statement parsed already. */
    public static long run(Connection duck, SqlStatement statement, String catalog, String database, RowSink sink) {
        return run(duck, statement, catalog, database, TableColumns.NONE, sink);
    }

    /**
     * As {@link #run(Connection, SqlStatement, String, String, RowSink)}, where {@code tables} declares the columns
     * of the tables the statement names (so that their types guide the translation).
     */
    public static long run(Connection duck, SqlStatement statement, String catalog, String database,
                           TableColumns tables, RowSink sink) {
        if (statement.tree() instanceof Explain || statement.tree() instanceof ExplainAnalyze) {
            return explain(duck, statement, catalog, database, tables, sink);
        }
        DuckDbPrinter.Translation translation = translate(statement, tables);
        String duckSql = translation.sql();
        try (PreparedStatement prepared = duck.prepareStatement(duckSql)) {
            List<OutputColumn> columns = new ArrayList<>();
            List<ColumnHint> hints = new ArrayList<>(translation.hints());
            List<SqlType> types = describe(prepared, columns, hints);
            sink.columns(columns);
            String projected = TemporalText.project(duckSql, types);
            if (projected.equals(duckSql)) {
                // Planning can cost more than running (deep expressions): the statement planned for its columns runs.
                try (ResultSet rs = prepared.executeQuery()) {
                    return stream(rs, types, hints, sink);
                }
            }
            try (java.sql.Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(projected)) {
                return stream(rs, types, hints, sink);
            }
        } catch (SQLException e) {
            throw EngineFailure.from(e, statement, catalog, database);
        }
    }

    /**
     * The result's column types (and Athena columns, added to {@code columns}), from the prepared statement and the
     * translation's hints; {@code hints} is left with one element per column, null where none applies.
     */
    private static List<SqlType> describe(PreparedStatement prepared, List<OutputColumn> columns, List<ColumnHint> hints)
            throws SQLException {
        ResultSetMetaData meta = prepared.getMetaData();
        int count = meta.getColumnCount();
        List<SqlType> types = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            SqlType type = AthenaTypes.parseDuckDb(meta.getColumnTypeName(i));
            ColumnHint hint = i <= hints.size() ? hints.get(i - 1) : null;
            if (hint != null && hint.refines(type)) {
                type = hint.type();
            } else if (i <= hints.size()) {
                hints.set(i - 1, null);
            }
            types.add(type);
            columns.add(new OutputColumn(columnName(meta.getColumnName(i), i - 1), type.columnType()));
        }
        while (hints.size() < count) {
            hints.add(null);
        }
        return types;
    }

    private static long stream(ResultSet rs, List<SqlType> types, List<ColumnHint> hints, RowSink sink)
            throws SQLException {
        long rows = 0;
        while (rs.next()) {
            String[] values = new String[types.size()];
            for (int i = 0; i < values.length; i++) {
                ColumnHint hint = hints.get(i);
                values[i] = ValueRenderer.render(types.get(i), rs.getObject(i + 1), hint == null ? null : hint.zone());
            }
            sink.row(values);
            rows++;
        }
        return rows;
    }

    /** Columns Trino leaves unnamed that a {@code *} brought to the top learn their position ({@code _colN}) here. */
    private static String columnName(String duckName, int index) {
        return duckName.startsWith(DuckDbPrinter.UNNAMED) ? "_col" + index : duckName;
    }

    /**
     * EXPLAIN answers with one varchar column {@code Query Plan} (one row per plan line) whose precision is the plan's
     * length; {@code EXPLAIN (TYPE VALIDATE)} answers {@code Valid = true}. The plan text is DuckDB's, not Trino's.
     */
    private static long explain(Connection duck, SqlStatement statement, String catalog, String database,
                                TableColumns tables, RowSink sink) {
        String athenaSql = statement.text();
        Statement explained = statement.tree() instanceof Explain e ? e.getStatement()
                : ((ExplainAnalyze) statement.tree()).getStatement();
        if (!(explained instanceof Query query)) {
            throw EngineFailure.user("NOT_SUPPORTED", "EXPLAIN needs a query");
        }
        boolean analyze = statement.tree() instanceof ExplainAnalyze;
        boolean validate = statement.tree() instanceof Explain e && e.getOptions().stream()
                .anyMatch(o -> o instanceof ExplainType t && t.getType() == ExplainType.Type.VALIDATE);
        String duckSql = DuckDbPrinter.query(query, athenaSql, statement.parameters(), tables);
        StringBuilder plan = new StringBuilder();
        try (java.sql.Statement s = duck.createStatement();
             ResultSet rs = s.executeQuery((analyze ? "EXPLAIN ANALYZE " : "EXPLAIN ") + duckSql)) {
            while (rs.next()) {
                plan.append(rs.getString(rs.getMetaData().getColumnCount())).append('\n');
            }
        } catch (SQLException e) {
            throw EngineFailure.from(e, statement, catalog, database);
        }
        if (validate) {
            sink.columns(List.of(new OutputColumn("Valid", SqlType.simple("boolean").columnType())));
            sink.row(new String[] {"true"});
            return 1;
        }
        String text = plan.toString().stripTrailing();
        SqlType varchar = new SqlType("varchar", text.length(), 0, List.of(), List.of());
        sink.columns(List.of(new OutputColumn("Query Plan", varchar.columnType())));
        long rows = 0;
        for (String line : text.split("\n", -1)) {
            sink.row(new String[] {line});
            rows++;
        }
        return rows;
    }

    /**
     * The DuckDB query computing the rows of {@code athenaSql} (a query, such as a view's text) with Athena column
     * names and types.
     */
    public static String duckDbQuery(String athenaSql) {
        return duckDbQuery(athenaSql, TableColumns.NONE);
    }

    /** As {@link #duckDbQuery(String)}, where {@code tables} declares the columns of the tables the query names. */
    public static String duckDbQuery(String athenaSql, TableColumns tables) {
        Statement tree = TrinoSql.parse(athenaSql);
        if (!(tree instanceof Query query)) {
            throw new UnsupportedSqlException("a view or query text that is not a query");
        }
        return DuckDbPrinter.query(query, athenaSql, List.of(), tables);
    }

    /** The DuckDB query computing the rows of the query {@code statement} is or carries (INSERT, CTAS, CREATE VIEW). */
    public static String duckDbQuery(SqlStatement statement) {
        return duckDbQuery(statement, TableColumns.NONE);
    }

    /** As {@link #duckDbQuery(SqlStatement)}, where {@code tables} declares the columns of the tables it names. */
    public static String duckDbQuery(SqlStatement statement, TableColumns tables) {
        return translate(statement, tables).sql();
    }

    private static DuckDbPrinter.Translation translate(SqlStatement statement, TableColumns tables) {
        Query query = statement.query().orElseThrow(() -> new UnsupportedSqlException("a statement without a query"));
        return DuckDbPrinter.translate(query, statement.text(), statement.parameters(), tables);
    }
}
