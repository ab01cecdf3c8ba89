package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.ColumnDef;
import ai.connecty.athena.local.catalog.IcebergMetadata;
import ai.connecty.athena.local.catalog.TableDef;
import ai.connecty.athena.local.sql.EngineFailure;
import ai.connecty.athena.local.sql.Identifiers;
import ai.connecty.athena.local.sql.QueryRunner;
import ai.connecty.athena.local.sql.SqlStatement;
import ai.connecty.athena.local.storage.S3Location;
import io.trino.sql.ExpressionFormatter;
import io.trino.sql.SqlFormatter;
import io.trino.sql.tree.AliasedRelation;
import io.trino.sql.tree.Delete;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.Merge;
import io.trino.sql.tree.MergeCase;
import io.trino.sql.tree.MergeDelete;
import io.trino.sql.tree.MergeInsert;
import io.trino.sql.tree.MergeUpdate;
import io.trino.sql.tree.Relation;
import io.trino.sql.tree.Statement;
import io.trino.sql.tree.Table;
import io.trino.sql.tree.Update;
import io.trino.sql.tree.UpdateAssignment;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * DELETE, UPDATE and MERGE on Iceberg tables, copy-on-write: the statement becomes one Athena query computing
 * every row of the table after the change, each with whether it stays ({@code $keep}), whether the statement
 * touched it ({@code $affected}: Athena's update count) and, for MERGE, which target row it came from
 * ({@code $row}); that query runs through the ordinary SELECT translation, its kept rows are written as a new data
 * file and the file becomes the table's only one in a single commit. Hive tables keep refusing row changes, as
 * Athena's Hive connector does.
 */
final class RowChanges {

    private static final String KEEP = "\"$keep\"";
    private static final String AFFECTED = "\"$affected\"";
    private static final String ROW = "\"$row\"";
    private static final String IN_TARGET = "\"$t\"";
    private static final String IN_SOURCE = "\"$s\"";

    private RowChanges() {
    }

    static StatementResult run(QueryContext ctx) throws SQLException {
        Statement tree = ctx.statement().tree();
        Table target = tree instanceof Delete d ? d.getTable() : tree instanceof Update u ? u.getTable()
                : ((Merge) tree).getTargetTable();
        ResolvedTable resolved = icebergTarget(ctx, target.getName().getParts());
        TableDef table = resolved.table();
        if (!ctx.statement().parameters().isEmpty()) {
            throw QueryFailedException.engine("NOT_SUPPORTED: athena-local does not bind execution parameters in "
                    + "DELETE, UPDATE or MERGE", 2, 1200);
        }
        String changes = tree instanceof Delete d ? delete(table, d) : tree instanceof Update u ? update(table, u)
                : merge(table, (Merge) tree);
        return rewrite(ctx, resolved, changes, ctx.request().classification().substatementType());
    }

    /**
     * The Iceberg table a row change or table maintenance names, with the right to read its definition; Hive
     * tables and views are refused as Athena's Hive connector refuses them.
     */
    static ResolvedTable icebergTarget(QueryContext ctx, List<String> parts) {
        ResolvedTable resolved = ctx.targetTable(parts, "line 1:1: ");
        if (resolved.table().isView() || !IcebergMetadata.isIceberg(resolved.table())) {
            throw QueryFailedException.engine("NOT_SUPPORTED: Modifying Hive table rows is only supported for "
                    + "transactional tables", 2, 1200);
        }
        return resolved;
    }

    /**
     * Runs {@code changes} (Athena SQL giving the table's columns, {@code $keep}, {@code $affected} and
     * {@code $row}) and commits its kept rows as the table's one data file; returns the affected count.
     */
    static StatementResult rewrite(QueryContext ctx, ResolvedTable resolved, String changes, String updateType)
            throws SQLException {
        TableDef table = resolved.table();
        SqlStatement derived = SqlStatement.of(changes);
        SelectStatement.prepareReads(ctx, derived.tree(), true);
        ctx.access.requireWrite(ctx.request().caller(), S3Location.parse(table.location()).asPrefix(),
                table.location());
        try (Connection conn = ctx.openConnection()) {
            try (java.sql.Statement s = conn.createStatement()) {
                s.execute("CREATE TEMP TABLE \"$changes\" AS " + QueryRunner.duckDbQuery(derived, ctx.tableColumns()));
                requireOneSourceRowPerTargetRow(s);
            }
            long affected = count(conn, "SELECT count(*) FROM \"$changes\" WHERE " + AFFECTED);
            List<String> names = table.allColumns().stream().map(c -> Identifiers.quote(c.name())).toList();
            TableWriter.Written written = TableWriter.write(ctx, conn, resolved.catalog(),
                    IcebergTables.dataTarget(table),
                    TableWriter.castTo(table, names) + " FROM \"$changes\" WHERE " + KEEP);
            ctx.checkNotCancelled();
            IcebergTables.replace(ctx, resolved.catalog(), table, written.files(), updateType);
            TableWriter.Written reported = new TableWriter.Written(affected, written.files());
            TableWriter.writeSidecars(ctx, updateType, reported);
            return StatementResult.rowCount(TableWriter.ROWS_COLUMN, affected);
        } catch (SQLException e) {
            throw EngineFailure.from(e, derived, ctx.catalogName(), ctx.databaseName());
        }
    }

    /** Every row of the table, kept and untouched: what compaction writes back. */
    static String unchanged(TableDef table, String qualifiedName) {
        return "SELECT " + columns(table, c -> Identifiers.quote(c.name())) + ", true AS " + KEEP + ", false AS "
                + AFFECTED + ", CAST(NULL AS bigint) AS " + ROW + " FROM " + qualifiedName;
    }

    /** DELETE: every row, kept unless the condition holds for it. */
    private static String delete(TableDef table, Delete d) {
        String hit = condition(d.getWhere());
        return "SELECT " + columns(table, c -> Identifiers.quote(c.name())) + ", NOT " + hit + " AS " + KEEP + ", "
                + hit + " AS " + AFFECTED + ", CAST(NULL AS bigint) AS " + ROW + " FROM " + SqlFormatter.formatSql(
                d.getTable());
    }

    /** UPDATE: every row kept, the assigned columns changed where the condition holds. */
    private static String update(TableDef table, Update u) {
        String hit = condition(u.getWhere());
        String values = columns(table, c -> {
            Optional<UpdateAssignment> set = u.getAssignments().stream()
                    .filter(a -> name(a.getName()).equals(c.name())).findFirst();
            String column = Identifiers.quote(c.name());
            return set.map(a -> "CASE WHEN " + hit + " THEN " + ExpressionFormatter.formatExpression(a.getValue())
                    + " ELSE " + column + " END").orElse(column);
        });
        for (UpdateAssignment a : u.getAssignments()) {
            requireColumn(table, name(a.getName()));
        }
        return "SELECT " + values + ", true AS " + KEEP + ", " + hit + " AS " + AFFECTED + ", CAST(NULL AS bigint) AS "
                + ROW + " FROM " + SqlFormatter.formatSql(u.getTable());
    }

    /**
     * MERGE: the target (each row numbered) fully joined to the source on the merge condition. A row present on
     * both sides is matched, one only in the source is not matched, and one only in the target stays as it is; the
     * first WHEN clause whose kind and condition fit decides what happens to the row.
     */
    private static String merge(TableDef table, Merge m) {
        String t = Identifiers.quote(m.getTargetAlias().map(RowChanges::name)
                .orElse(last(m.getTargetTable())));
        String source = sourceAlias(m.getSource());
        String matched = "(" + t + "." + IN_TARGET + " IS NOT NULL AND " + source + "." + IN_SOURCE + " IS NOT NULL)";
        String notMatched = "(" + t + "." + IN_TARGET + " IS NULL)";
        List<String> whens = new ArrayList<>();
        for (MergeCase c : m.getMergeCases()) {
            whens.add((c instanceof MergeInsert ? notMatched : matched) + " AND " + condition(c.getExpression()));
        }
        String values = columns(table, col -> {
            String current = t + "." + Identifiers.quote(col.name());
            StringBuilder sb = new StringBuilder("CASE");
            for (int i = 0; i < whens.size(); i++) {
                sb.append(" WHEN ").append(whens.get(i)).append(" THEN ")
                        .append(mergedValue(table, m.getMergeCases().get(i), col, current));
            }
            return sb.append(" ELSE ").append(current).append(" END").toString();
        });
        StringBuilder keep = new StringBuilder("CASE");
        StringBuilder affected = new StringBuilder("CASE");
        for (int i = 0; i < whens.size(); i++) {
            boolean stays = !(m.getMergeCases().get(i) instanceof MergeDelete);
            keep.append(" WHEN ").append(whens.get(i)).append(" THEN ").append(stays);
            affected.append(" WHEN ").append(whens.get(i)).append(" THEN true");
        }
        keep.append(" ELSE ").append(t).append(".").append(IN_TARGET).append(" IS NOT NULL END");
        affected.append(" ELSE false END");
        return "SELECT " + values + ", " + keep + " AS " + KEEP + ", " + affected + " AS " + AFFECTED + ", " + t + "."
                + ROW + " AS " + ROW + " FROM (SELECT *, true AS " + IN_TARGET + ", row_number() OVER () AS " + ROW
                + " FROM " + SqlFormatter.formatSql(m.getTargetTable()) + ") AS " + t + " FULL OUTER JOIN (SELECT "
                + source + ".*, true AS " + IN_SOURCE + " FROM " + SqlFormatter.formatSql(m.getSource()) + ") AS "
                + source + " ON " + ExpressionFormatter.formatExpression(m.getPredicate());
    }

    /** A column's value after one WHEN clause: assigned, inserted, or (DELETE, unassigned) unchanged. */
    private static String mergedValue(TableDef table, MergeCase c, ColumnDef col, String current) {
        if (c instanceof MergeUpdate u) {
            for (MergeUpdate.Assignment a : u.getAssignments()) {
                requireColumn(table, name(a.getTarget()));
            }
            return u.getAssignments().stream().filter(a -> name(a.getTarget()).equals(col.name())).findFirst()
                    .map(a -> ExpressionFormatter.formatExpression(a.getValue())).orElse(current);
        }
        if (c instanceof MergeInsert i) {
            List<String> listed = i.getColumns().isEmpty() ? table.allColumns().stream().map(ColumnDef::name).toList()
                    : i.getColumns().stream().map(RowChanges::name).toList();
            listed.forEach(n -> requireColumn(table, n));
            if (listed.size() != i.getValues().size()) {
                throw QueryFailedException.engine("MISMATCHED_COLUMN_ALIASES: MERGE INSERT value count does not "
                        + "match the number of columns", 2, 1000);
            }
            int at = listed.indexOf(col.name());
            return at < 0 ? "NULL" : ExpressionFormatter.formatExpression(i.getValues().get(at));
        }
        return current;
    }

    /**
     * Trino refuses a MERGE in which one target row is matched, by a clause that acts on it, by more than one
     * source row: which of them should win is undefined. Only a MERGE gives rows a {@code $row}.
     */
    private static void requireOneSourceRowPerTargetRow(java.sql.Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM \"$changes\" WHERE " + AFFECTED + " AND " + ROW
                + " IS NOT NULL GROUP BY " + ROW + " HAVING count(*) > 1 LIMIT 1")) {
            if (rs.next()) {
                throw QueryFailedException.engine("MERGE_TARGET_ROW_MULTIPLE_MATCHES: One MERGE target table row "
                        + "matched more than one source row", 2, 1000);
            }
        }
    }

    /** The alias the source's columns are qualified with: its alias, or its table's name. */
    private static String sourceAlias(Relation source) {
        if (source instanceof AliasedRelation a) {
            return Identifiers.quote(name(a.getAlias()));
        }
        if (source instanceof Table table) {
            return Identifiers.quote(last(table));
        }
        throw QueryFailedException.engine("NOT_SUPPORTED: athena-local needs an alias for a MERGE source "
                + "that is not a table", 2, 1200);
    }

    /** A WHERE or WHEN condition as a boolean that is never null: a row it does not select is left alone. */
    private static String condition(Optional<Expression> where) {
        return where.map(e -> "coalesce((" + ExpressionFormatter.formatExpression(e) + "), false)").orElse("true");
    }

    private static String columns(TableDef table, java.util.function.Function<ColumnDef, String> value) {
        return table.allColumns().stream().map(c -> value.apply(c) + " AS " + Identifiers.quote(c.name()))
                .collect(Collectors.joining(", "));
    }

    private static void requireColumn(TableDef table, String name) {
        if (table.allColumns().stream().noneMatch(c -> c.name().equals(name))) {
            throw QueryFailedException.engine("COLUMN_NOT_FOUND: line 1:1: Column '" + name
                    + "' cannot be resolved", 2, 1006);
        }
    }

    private static long count(Connection conn, String sql) throws SQLException {
        try (java.sql.Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String last(Table table) {
        List<String> parts = table.getName().getParts();
        return parts.get(parts.size() - 1);
    }

    private static String name(Identifier id) {
        return id.getValue().toLowerCase(Locale.ROOT);
    }
}
