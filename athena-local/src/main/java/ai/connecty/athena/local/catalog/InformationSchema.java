package ai.connecty.athena.local.catalog;

import ai.connecty.athena.local.sql.AthenaTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code information_schema} of a catalog as Athena serves it (Trino's information_schema connector over the
 * Glue catalog: {@code InformationSchemaTable} and {@code InformationSchemaPageSource} in trinodb/trino), computed
 * from the {@link CatalogStore} and limited to what a caller may see ({@link Visibility}).
 *
 * <p>Where Athena and Trino differ, Athena wins: Athena's documentation shows {@code comment} and
 * {@code extra_info} among the columns {@code SELECT * FROM information_schema.columns} returns, where Trino keeps
 * them hidden; Trino's other hidden columns ({@code column_comment}, {@code table_comment}) are not served.
 */
public final class InformationSchema {

    public static final String NAME = "information_schema";

    /** A column of an information_schema table: its name and Trino type ({@code varchar} or {@code bigint}). */
    public record Column(String name, String type) {
    }

    /** The tables Trino's information_schema has, with their columns in order. */
    public enum Table {
        COLUMNS("columns", "table_catalog", "table_schema", "table_name", "column_name", "ordinal_position:bigint",
                "column_default", "is_nullable", "data_type", "comment", "extra_info"),
        TABLES("tables", "table_catalog", "table_schema", "table_name", "table_type"),
        VIEWS("views", "table_catalog", "table_schema", "table_name", "view_definition"),
        SCHEMATA("schemata", "catalog_name", "schema_name"),
        TABLE_PRIVILEGES("table_privileges", "grantor", "grantor_type", "grantee", "grantee_type", "table_catalog",
                "table_schema", "table_name", "privilege_type", "is_grantable", "with_hierarchy"),
        ROLES("roles", "role_name"),
        APPLICABLE_ROLES("applicable_roles", "grantee", "grantee_type", "role_name", "is_grantable"),
        ENABLED_ROLES("enabled_roles", "role_name");

        private final String tableName;
        private final List<Column> columns;

        Table(String tableName, String... columns) {
            this.tableName = tableName;
            this.columns = Arrays.stream(columns).map(c -> c.endsWith(":bigint")
                    ? new Column(c.substring(0, c.length() - ":bigint".length()), "bigint")
                    : new Column(c, "varchar")).toList();
        }

        public String tableName() {
            return tableName;
        }

        public List<Column> columns() {
            return columns;
        }

        /** The table of this name (any case), if information_schema has one. */
        public static Optional<Table> of(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(t -> t.tableName.equals(lower)).findFirst();
        }
    }

    /**
     * What a caller may see of a catalog, as the engine's access control filters information_schema (Trino's
     * {@code filterSchemas} and {@code filterTables}). information_schema itself is always visible.
     */
    public interface Visibility {
        Visibility ALL = new Visibility() {
            @Override
            public boolean database(String database) {
                return true;
            }

            @Override
            public boolean table(String database, String table) {
                return true;
            }
        };

        boolean database(String database);

        /** Asked only for tables of a visible database. */
        boolean table(String database, String table);
    }

    private InformationSchema() {
    }

    /**
     * The rows of {@code table} for {@code catalog} (one value per column of {@link Table#columns()}, a String, a
     * Long or null), sorted by schema, table and position.
     */
    public static List<Object[]> rows(Table table, CatalogStore store, DataCatalog catalog, Visibility visibility) {
        String cat = catalog.engineName();
        List<Object[]> rows = new ArrayList<>();
        switch (table) {
            case SCHEMATA -> {
                for (String schema : schemas(store, catalog, visibility)) {
                    rows.add(new Object[] {cat, schema});
                }
            }
            case TABLES -> {
                for (String schema : schemas(store, catalog, visibility)) {
                    for (Listed t : tables(store, catalog, visibility, schema)) {
                        rows.add(new Object[] {cat, schema, t.name(), t.def() != null && t.def().isView()
                                ? "VIEW" : "BASE TABLE"});
                    }
                }
            }
            case VIEWS -> {
                for (String schema : schemas(store, catalog, visibility)) {
                    for (Listed t : tables(store, catalog, visibility, schema)) {
                        if (t.def() != null && t.def().isView()) {
                            rows.add(new Object[] {cat, schema, t.name(), t.def().viewSql()});
                        }
                    }
                }
            }
            case COLUMNS -> {
                for (String schema : schemas(store, catalog, visibility)) {
                    for (Listed t : tables(store, catalog, visibility, schema)) {
                        long position = 1;
                        for (ListedColumn c : columns(t)) {
                            rows.add(new Object[] {cat, schema, t.name(), c.name(), position++, null, "YES",
                                    c.type(), c.comment(), c.extraInfo()});
                        }
                    }
                }
            }
            // Glue has no grants or roles Athena shows here: empty, as for any catalog without them.
            case TABLE_PRIVILEGES, ROLES, APPLICABLE_ROLES, ENABLED_ROLES -> {
            }
        }
        return rows;
    }

    /** A table or view of a schema: {@code def} null for information_schema's own tables. */
    private record Listed(String name, TableDef def, Table own) {
    }

    private record ListedColumn(String name, String type, String comment, String extraInfo) {
    }

    /** The visible databases and information_schema, sorted (Trino lists schemas as a sorted set). */
    private static List<String> schemas(CatalogStore store, DataCatalog catalog, Visibility visibility) {
        List<String> names = new ArrayList<>();
        names.add(NAME);
        for (DatabaseDef db : store.databases(catalog.name())) {
            if (!db.name().equals(NAME) && visibility.database(db.name())) {
                names.add(db.name());
            }
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    private static List<Listed> tables(CatalogStore store, DataCatalog catalog, Visibility visibility, String schema) {
        List<Listed> listed = new ArrayList<>();
        if (schema.equals(NAME)) {
            for (Table t : Table.values()) {
                listed.add(new Listed(t.tableName(), null, t));
            }
        } else {
            for (TableDef t : store.tables(catalog.name(), schema)) {
                if (visibility.table(schema, t.name())) {
                    listed.add(new Listed(t.name(), t, null));
                }
            }
        }
        listed.sort(Comparator.comparing(Listed::name));
        return listed;
    }

    /**
     * A table's columns as Trino's Hive connector gives them: data columns, then partition keys marked
     * {@code partition key} in {@code extra_info}; a view's columns as its definition stores them (Trino's spelling).
     * A column without a comment has a NULL comment (Glue keeps none, and Trino passes none on).
     */
    private static List<ListedColumn> columns(Listed t) {
        List<ListedColumn> out = new ArrayList<>();
        if (t.own() != null) {
            for (Column c : t.own().columns()) {
                out.add(new ListedColumn(c.name(), c.type(), null, null));
            }
            return out;
        }
        TableDef def = t.def();
        if (def.isView()) {
            List<ColumnDef> columns = def.viewColumns().isEmpty() ? def.columns() : def.viewColumns();
            for (ColumnDef c : columns) {
                out.add(new ListedColumn(c.name(), dataType(c.type()), null, null));
            }
            return out;
        }
        for (ColumnDef c : def.columns()) {
            out.add(new ListedColumn(c.name(), dataType(c.type()), comment(c), null));
        }
        for (ColumnDef c : def.partitionKeys()) {
            out.add(new ListedColumn(c.name(), dataType(c.type()), comment(c), "partition key"));
        }
        return out;
    }

    private static String comment(ColumnDef c) {
        return c.comment().isEmpty() ? null : c.comment();
    }

    /** Trino's display name of a Glue type; a type no parser knows stays as Glue has it, in lower case. */
    static String dataType(String glueType) {
        try {
            return AthenaTypes.trinoDisplayName(glueType);
        } catch (IllegalArgumentException e) {
            return glueType.toLowerCase(Locale.ROOT);
        }
    }
}
