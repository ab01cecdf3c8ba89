package ai.connecty.athena.local.engine.ddl;

import ai.connecty.athena.local.catalog.Bucketing;
import ai.connecty.athena.local.catalog.ColumnDef;
import java.util.List;
import java.util.Map;

/** The DDL and utility statements athena-local answers itself (the Hive path of Athena). Names are lower case. */
public sealed interface DdlStatement {

    /** An optionally qualified object name: {@code [catalog.][database.]name}. */
    record Name(String catalog, String database, String name) {
        public static Name of(List<String> parts) {
            return switch (parts.size()) {
                case 1 -> new Name(null, null, parts.get(0));
                case 2 -> new Name(null, parts.get(0), parts.get(1));
                case 3 -> new Name(parts.get(0), parts.get(1), parts.get(2));
                default -> throw new DdlSyntaxException("Invalid table name " + String.join(".", parts));
            };
        }

        /** The name's parts as written, catalog and database only when given. */
        public List<String> parts() {
            List<String> parts = new java.util.ArrayList<>();
            if (catalog != null) {
                parts.add(catalog);
            }
            if (database != null) {
                parts.add(database);
            }
            parts.add(name);
            return parts;
        }

        public Name withDefaults(String defaultDatabase) {
            return new Name(catalog, database == null ? defaultDatabase : database, name);
        }
    }

    record CreateDatabase(String name, boolean ifNotExists, String comment, String location,
                          Map<String, String> properties) implements DdlStatement {
    }

    record DropDatabase(String name, boolean ifExists, boolean cascade) implements DdlStatement {
    }

    /**
     * CREATE [EXTERNAL] TABLE. {@code partitionTransforms} is the text of an Iceberg {@code PARTITIONED BY} list
     * (column names and transforms such as {@code day(ts)}, no types), or null.
     */
    record CreateExternalTable(Name table, boolean ifNotExists, List<ColumnDef> columns, List<ColumnDef> partitionKeys,
                               String serdeLibrary, Map<String, String> serdeParameters, String inputFormat,
                               String outputFormat, String location, Map<String, String> properties,
                               boolean external, String partitionTransforms, Bucketing bucketing)
            implements DdlStatement {
    }

    /** CTAS; {@code properties} values are raw SQL literals ({@code 'PARQUET'}, {@code ARRAY['dt']}). */
    record CreateTableAs(Name table, boolean ifNotExists, Map<String, String> properties, String query,
                         boolean withData) implements DdlStatement {
    }

    record CreateView(Name view, boolean orReplace, String query) implements DdlStatement {
    }

    record DropTable(Name table, boolean ifExists, boolean view) implements DdlStatement {
    }

    record MsckRepair(Name table) implements DdlStatement {
    }

    record PartitionSpec(Map<String, String> values, String location) {
    }

    record AddPartitions(Name table, boolean ifNotExists, List<PartitionSpec> partitions) implements DdlStatement {
    }

    record DropPartitions(Name table, boolean ifExists, List<PartitionSpec> partitions) implements DdlStatement {
    }

    record AddColumns(Name table, List<ColumnDef> columns) implements DdlStatement {
    }

    /** {@code DROP COLUMN c}: Iceberg tables only. */
    record DropColumn(Name table, String column) implements DdlStatement {
    }

    /** {@code ALTER DATABASE|SCHEMA d SET DBPROPERTIES ('k'='v', …)}: merged into the database's parameters. */
    record SetDatabaseProperties(String database, Map<String, String> properties) implements DdlStatement {
    }

    /**
     * {@code CHANGE [COLUMN] old new type [COMMENT '…'] [FIRST | AFTER c]}: on Iceberg tables a schema change, on
     * Hive tables a change of the Glue columns only. The comment is null when not given (the column keeps its own).
     */
    record ChangeColumn(Name table, String from, String to, String type, String comment, boolean first, String after)
            implements DdlStatement {
    }

    /** {@code REPLACE COLUMNS (…)}: the Glue data columns of a Hive table; refused on Iceberg tables, as documented. */
    record ReplaceColumns(Name table, List<ColumnDef> columns) implements DdlStatement {
    }

    /** {@code PARTITION (k='v') RENAME TO PARTITION (k='w')}: the partition's values change, its location stays. */
    record RenamePartition(Name table, Map<String, String> from, Map<String, String> to) implements DdlStatement {
    }

    /** {@code RENAME TO t2}: Iceberg tables only. */
    record RenameTable(Name table, Name to) implements DdlStatement {
    }

    /** {@code UNSET TBLPROPERTIES [IF EXISTS] ('k', …)}: Iceberg tables only. */
    record UnsetTableProperties(Name table, boolean ifExists, List<String> keys) implements DdlStatement {
    }

    record SetTableProperties(Name table, Map<String, String> properties) implements DdlStatement {
    }

    record SetLocation(Name table, String location) implements DdlStatement {
    }

    record Insert(Name table, List<String> columns, String query) implements DdlStatement {
    }

    record ShowDatabases(String likePattern) implements DdlStatement {
    }

    record ShowTables(String database, String pattern) implements DdlStatement {
    }

    record ShowViews(String database, String likePattern) implements DdlStatement {
    }

    record ShowColumns(Name table) implements DdlStatement {
    }

    record ShowCreate(Name table, boolean view) implements DdlStatement {
    }

    record ShowPartitions(Name table) implements DdlStatement {
    }

    record ShowTableProperties(Name table, String key) implements DdlStatement {
    }

    record Describe(Name table) implements DdlStatement {
    }

    /** {@code OPTIMIZE t REWRITE DATA USING BIN_PACK [WHERE ...]}; the WHERE only narrows which files are rewritten. */
    record Optimize(Name table) implements DdlStatement {
    }

    record Vacuum(Name table) implements DdlStatement {
    }
}
