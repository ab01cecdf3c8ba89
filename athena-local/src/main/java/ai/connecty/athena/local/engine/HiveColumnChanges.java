package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.ColumnDef;
import ai.connecty.athena.local.catalog.TableDef;
import ai.connecty.athena.local.engine.ddl.DdlStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CHANGE COLUMN and REPLACE COLUMNS on a Hive table: new Glue columns, computed as Hive's DDLTask computes them.
 * Hive changes metadata only; the files stay as written, and reads map them to the new columns by the format's
 * own rule (text by position, Parquet and JSON by name; see {@code catalog.DuckDbViews}). A refusal is an
 * {@link IllegalArgumentException} carrying Hive's message, which the executor reports as the DDLTask's failure.
 */
final class HiveColumnChanges {

    /**
     * The SerDes whose columns Hive's REPLACE COLUMNS may rewrite (Hive keeps this list in its DDLTask); the JSON
     * and OpenCSV SerDes are not among them, so Hive refuses REPLACE COLUMNS on their tables.
     */
    private static final Set<String> REPLACEABLE = Set.of(TableDef.LAZY_SIMPLE_SERDE, TableDef.PARQUET_SERDE,
            "org.apache.hadoop.hive.serde2.columnar.ColumnarSerDe", "org.apache.hadoop.hive.ql.io.orc.OrcSerde",
            "org.apache.hadoop.hive.serde2.MetadataTypedColumnsetSerDe",
            "org.apache.hadoop.hive.serde2.dynamic_type.DynamicSerDe");

    private HiveColumnChanges() {
    }

    /**
     * The data columns after {@code CHANGE old new type [COMMENT c] [FIRST | AFTER a]}: the column keeps its place
     * unless moved, and its comment unless one is given. Partition keys are not data columns and cannot be changed.
     */
    static List<ColumnDef> change(TableDef table, DdlStatement.ChangeColumn c) {
        String from = lower(c.from());
        String to = lower(c.to());
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        int at = indexOf(columns, from);
        if (at < 0) {
            throw new IllegalArgumentException("Invalid column reference " + c.from());
        }
        if (!to.equals(from) && (indexOf(columns, to) >= 0 || indexOf(table.partitionKeys(), to) >= 0)) {
            throw new IllegalArgumentException("Duplicate column name: " + c.to());
        }
        ColumnDef old = columns.remove(at);
        ColumnDef changed = new ColumnDef(to, c.type(), c.comment() == null ? old.comment() : c.comment());
        if (c.first()) {
            columns.add(0, changed);
        } else if (c.after() != null) {
            int after = indexOf(columns, lower(c.after()));
            if (after < 0) {
                throw new IllegalArgumentException("Invalid column reference " + c.after());
            }
            columns.add(after + 1, changed);
        } else {
            columns.add(at, changed);
        }
        return columns;
    }

    /** The data columns after {@code REPLACE COLUMNS (…)}: exactly the given ones; the partition keys stay. */
    static List<ColumnDef> replace(TableDef table, List<ColumnDef> replacement) {
        if (!REPLACEABLE.contains(table.serdeLibrary())) {
            throw new IllegalArgumentException("Replace columns is not supported for table " + table.database() + "."
                    + table.name() + ". SerDe may be incompatible.");
        }
        Set<String> seen = new HashSet<>();
        for (ColumnDef c : replacement) {
            if (!seen.add(lower(c.name()))) {
                throw new IllegalArgumentException("Duplicate column name: " + c.name());
            }
            if (indexOf(table.partitionKeys(), lower(c.name())) >= 0) {
                throw new IllegalArgumentException("Column repeated in partitioning columns: " + c.name());
            }
        }
        return List.copyOf(replacement);
    }

    private static int indexOf(List<ColumnDef> columns, String lowerName) {
        for (int i = 0; i < columns.size(); i++) {
            if (lower(columns.get(i).name()).equals(lowerName)) {
                return i;
            }
        }
        return -1;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
