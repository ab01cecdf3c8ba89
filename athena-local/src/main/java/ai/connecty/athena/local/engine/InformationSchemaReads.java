package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.CatalogStore;
import ai.connecty.athena.local.catalog.DataCatalog;
import ai.connecty.athena.local.catalog.InformationSchema;
import ai.connecty.athena.local.sql.Identifiers;
import ai.connecty.athena.local.sql.TableColumns;
import ai.connecty.athena.local.sql.TrinoSql;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.QueryPeriod;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The information_schema tables a statement reads, resolved where its table names are, and their rows.
 *
 * <p>Why temporary tables filled per statement, not views over DuckDB's own information_schema nor tables kept in
 * step with the catalog: the rows depend on the caller (only what its Glue rights let it see), so no shared object
 * can hold them; they are computed from the {@link CatalogStore} itself (not DuckDB's mirror of it, whose views show
 * every table as a VIEW with DuckDB's types) in one snapshot taken under the catalog lock, so that a concurrent
 * DDL is seen whole or not at all; and DuckDB then filters, joins, sorts and aggregates them as any table. The
 * tables live in the statement's own DuckDB connection ({@code temp.main}) and go with it. Translation prints each
 * reference to an information_schema table as its temporary table ({@link TableColumns#substitute}).
 */
final class InformationSchemaReads {

    /** An information_schema table of a catalog that a statement reads. */
    record Ref(DataCatalog catalog, InformationSchema.Table table) {

        /** The statement's temporary table holding its rows. */
        String relation() {
            return "temp.main." + Identifiers.quote("information_schema$" + catalog.engineName() + "$"
                    + table.tableName());
        }
    }

    /** A name in information_schema: its catalog, the table if information_schema has it, and its full name. */
    private record Resolved(DataCatalog catalog, Optional<InformationSchema.Table> table, String qualifiedName) {
    }

    private static final int ROWS_PER_INSERT = 500;

    private final CatalogStore store;
    private final String contextCatalog;
    private final String contextDatabase;

    /** {@code contextCatalog}: as the request names it, null for AwsDataCatalog; {@code contextDatabase}: lower case. */
    InformationSchemaReads(CatalogStore store, String contextCatalog, String contextDatabase) {
        this.store = store;
        this.contextCatalog = contextCatalog == null ? DataCatalog.AWS_DATA_CATALOG.name() : contextCatalog;
        this.contextDatabase = contextDatabase;
    }

    /**
     * Where {@code parts} (lower case) name a table in information_schema as Trino resolves names:
     * {@code catalog.information_schema.t}, {@code information_schema.t} in the context catalog, or {@code t} when
     * the context database is information_schema. A catalog athena-local does not know is left to the engine.
     */
    private Optional<Resolved> resolve(List<String> parts) {
        String catalogName;
        String table;
        if (parts.size() == 3 && parts.get(1).equals(InformationSchema.NAME)) {
            catalogName = parts.get(0);
            table = parts.get(2);
        } else if (parts.size() == 2 && parts.get(0).equals(InformationSchema.NAME)) {
            catalogName = contextCatalog;
            table = parts.get(1);
        } else if (parts.size() == 1 && InformationSchema.NAME.equals(contextDatabase)) {
            catalogName = contextCatalog;
            table = parts.get(0);
        } else {
            return Optional.empty();
        }
        return store.catalog(catalogName).map(c -> new Resolved(c, InformationSchema.Table.of(table),
                c.engineName() + "." + InformationSchema.NAME + "." + table));
    }

    /** The information_schema tables {@code tree} (and the expressions bound to its parameters) reads. */
    Set<Ref> referenced(Node tree, List<? extends Node> parameters) {
        Set<Ref> refs = new LinkedHashSet<>();
        List<Node> nodes = new ArrayList<>();
        nodes.add(tree);
        nodes.addAll(parameters);
        for (Node node : nodes) {
            for (List<String> parts : TrinoSql.tableNames(node)) {
                resolve(parts).ifPresent(r -> r.table().ifPresent(t -> refs.add(new Ref(r.catalog(), t))));
            }
        }
        return refs;
    }

    /** {@code base}, answering for information_schema's tables: their columns, and their temporary tables. */
    TableColumns over(TableColumns base) {
        return new TableColumns() {
            @Override
            public List<Declared> of(List<String> name) {
                Optional<Resolved> r = resolve(name);
                if (r.isEmpty()) {
                    return base.of(name);
                }
                return r.get().table().map(t -> t.columns().stream().map(c -> new Declared(c.name(), c.type()))
                        .toList()).orElse(null);
            }

            @Override
            public Substitute substitute(List<String> name) {
                return resolve(name).map(r -> new Substitute(
                        r.table().map(t -> new Ref(r.catalog(), t).relation()).orElse(null), r.qualifiedName()))
                        .orElseGet(() -> base.substitute(name));
            }

            @Override
            public Hidden hiddenColumns(List<String> name) {
                return base.hiddenColumns(name);
            }

            @Override
            public Substitute versioned(List<String> name, QueryPeriod period) {
                return base.versioned(name, period);
            }

            @Override
            public Hidden versionedHiddenColumns(List<String> name, QueryPeriod period) {
                return base.versionedHiddenColumns(name, period);
            }
        };
    }

    /**
     * Creates and fills the temporary table of each of {@code refs} on {@code connection}, with the rows
     * {@code visibility} lets the caller see of its catalog; the caller holds the catalog lock.
     */
    void fill(Connection connection, Set<Ref> refs, Function<DataCatalog, InformationSchema.Visibility> visibility)
            throws SQLException {
        for (Ref ref : refs) {
            List<InformationSchema.Column> columns = ref.table().columns();
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE OR REPLACE TEMP TABLE " + ref.relation().substring("temp.main.".length()) + " ("
                        + columns.stream().map(c -> Identifiers.quote(c.name()) + " "
                                + (c.type().equals("bigint") ? "BIGINT" : "VARCHAR"))
                        .collect(Collectors.joining(", ")) + ")");
            }
            List<Object[]> rows = InformationSchema.rows(ref.table(), store, ref.catalog(),
                    visibility.apply(ref.catalog()));
            insert(connection, ref.relation(), columns.size(), rows);
        }
    }

    /** Inserts {@code rows} with bound values, many rows per statement (one statement per row is slow in DuckDB). */
    private static void insert(Connection connection, String relation, int width, List<Object[]> rows)
            throws SQLException {
        String row = "(" + String.join(", ", java.util.Collections.nCopies(width, "?")) + ")";
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            String sql = "INSERT INTO " + relation + " VALUES "
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), row));
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int index = 1;
                for (Object[] values : chunk) {
                    for (Object value : values) {
                        insert.setObject(index++, value);
                    }
                }
                insert.executeUpdate();
            }
        }
    }
}
