package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * Iceberg schema evolution through the real SDK: ADD COLUMNS, DROP COLUMN, CHANGE COLUMN and RENAME TO change
 * only metadata (no snapshot), reads follow column ids across files written under older schemas, Glue's columns
 * follow each change, and SHOW CREATE TABLE prints Athena's Iceberg form. Hive tables keep their refusals.
 */
class IcebergSchemaWireTest {

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena();
    private static final SdkClientsExtension clients = athena.clients();

    @BeforeAll
    static void start() {
        succeed(clients.athena(), "CREATE DATABASE evo", null);
    }

    @Test
    void addedColumnReadsNullInOldFiles() {
        create("added", "id int, name string");
        succeed(clients.athena(), "INSERT INTO evo.added VALUES (1, 'a')", null);
        int snapshots = snapshots("added");
        String before = metadataLocation("added");
        succeed(clients.athena(), "ALTER TABLE evo.added ADD COLUMNS (score double COMMENT 'points')", null);
        assertThat(snapshots("added")).isEqualTo(snapshots);
        assertThat(metadataLocation("added")).isNotEqualTo(before).contains("/metadata/00002-");
        assertThat(glueColumns("added")).containsExactly("id int", "name string", "score double points");
        succeed(clients.athena(), "INSERT INTO evo.added VALUES (2, 'b', 2.5)", null);
        assertThat(select("SELECT id, name, score FROM evo.added ORDER BY id"))
                .containsExactly(Arrays.asList("1", "a", null), List.of("2", "b", "2.5"));
    }

    @Test
    void renamedColumnKeepsItsDataAndTimeTravelShowsTheOldSchema() {
        create("renamed", "id int, name string");
        succeed(clients.athena(), "INSERT INTO evo.renamed VALUES (1, 'a')", null);
        String snapshot = select("SELECT snapshot_id FROM evo.\"renamed$snapshots\"").get(0).get(0);
        succeed(clients.athena(), "ALTER TABLE evo.renamed CHANGE COLUMN name label string COMMENT 'renamed'", null);
        assertThat(glueColumns("renamed")).containsExactly("id int", "label string renamed");
        succeed(clients.athena(), "INSERT INTO evo.renamed VALUES (2, 'b')", null);
        assertThat(select("SELECT id, label FROM evo.renamed ORDER BY id"))
                .containsExactly(List.of("1", "a"), List.of("2", "b"));
        // Trino reads a snapshot with the schema it was committed with: the column was still called name.
        assertThat(select("SELECT name FROM evo.renamed FOR VERSION AS OF " + snapshot))
                .containsExactly(List.of("a"));
    }

    @Test
    void droppedColumnDisappearsAndReAddingItReadsNullForOldRows() {
        create("dropped", "id int, secret string");
        succeed(clients.athena(), "INSERT INTO evo.dropped VALUES (1, 'old')", null);
        succeed(clients.athena(), "ALTER TABLE evo.dropped DROP COLUMN secret", null);
        assertThat(glueColumns("dropped")).containsExactly("id int");
        assertThat(rows(clients.athena(), succeed(clients.athena(), "SELECT * FROM evo.dropped", null)
                .queryExecutionId())).containsExactly(List.of("id"), List.of("1"));
        QueryExecution gone = run(clients.athena(), "SELECT secret FROM evo.dropped", null);
        assertThat(gone.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(gone.status().stateChangeReason()).contains("Column 'secret' cannot be resolved");

        succeed(clients.athena(), "ALTER TABLE evo.dropped ADD COLUMNS (secret string)", null);
        succeed(clients.athena(), "INSERT INTO evo.dropped VALUES (2, 'new')", null);
        // A new column id: the values written under the old one stay hidden.
        assertThat(select("SELECT id, secret FROM evo.dropped ORDER BY id"))
                .containsExactly(Arrays.asList("1", null), List.of("2", "new"));
    }

    @Test
    void intPromotesToBigintAndOtherTypeChangesFail() {
        create("typed", "id int, name string, amount decimal(5,2)");
        succeed(clients.athena(), "INSERT INTO evo.typed VALUES (7, 'a', 12.34)", null);
        succeed(clients.athena(), "ALTER TABLE evo.typed CHANGE id id bigint", null);
        succeed(clients.athena(), "ALTER TABLE evo.typed CHANGE amount amount decimal(9,2)", null);
        assertThat(glueColumns("typed")).containsExactly("id bigint", "name string", "amount decimal(9,2)");
        succeed(clients.athena(), "INSERT INTO evo.typed VALUES (5000000000, 'b', 1234567.89)", null);
        assertThat(select("SELECT id, typeof(id), amount FROM evo.typed ORDER BY id")).containsExactly(
                List.of("7", "bigint", "12.34"), List.of("5000000000", "bigint", "1234567.89"));

        QueryExecution q = run(clients.athena(), "ALTER TABLE evo.typed CHANGE COLUMN name name int", null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).contains("Cannot change column type: name: string -> int");
        QueryExecution narrow = run(clients.athena(), "ALTER TABLE evo.typed CHANGE id id int", null);
        assertThat(narrow.status().stateChangeReason()).contains("Cannot change column type: id: bigint -> int");
        assertThat(glueColumns("typed")).containsExactly("id bigint", "name string", "amount decimal(9,2)");
    }

    @Test
    void replaceColumnsAndCustomPropertiesAreRefused() {
        create("refused", "id int");
        QueryExecution replace = run(clients.athena(), "ALTER TABLE evo.refused REPLACE COLUMNS (x int)", null);
        assertThat(replace.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(replace.status().stateChangeReason()).contains("REPLACE COLUMNS is not supported for Iceberg");
        QueryExecution custom = run(clients.athena(), "ALTER TABLE evo.refused SET TBLPROPERTIES ('mine'='1')", null);
        assertThat(custom.status().stateChangeReason()).contains("Unsupported table property key: mine");

        succeed(clients.athena(), "ALTER TABLE evo.refused SET TBLPROPERTIES ('vacuum_min_snapshots_to_keep'='3')",
                null);
        assertThat(glueParameter("refused", "vacuum_min_snapshots_to_keep")).isEqualTo("3");
        succeed(clients.athena(), "ALTER TABLE evo.refused UNSET TBLPROPERTIES ('vacuum_min_snapshots_to_keep')",
                null);
        assertThat(glueParameter("refused", "vacuum_min_snapshots_to_keep")).isNull();
    }

    @Test
    void renameTableMovesTheGlueEntryAndKeepsTheData() {
        create("before_name", "id int");
        succeed(clients.athena(), "INSERT INTO evo.before_name VALUES (42)", null);
        succeed(clients.athena(), "ALTER TABLE evo.before_name RENAME TO after_name", null);
        assertThat(clients.glue().getTables(r -> r.databaseName("evo")).tableList()).extracting(t -> t.name())
                .contains("after_name").doesNotContain("before_name");
        assertThat(select("SELECT id FROM evo.after_name")).containsExactly(List.of("42"));
        assertThat(run(clients.athena(), "SELECT id FROM evo.before_name", null).status().state())
                .isEqualTo(QueryExecutionState.FAILED);
    }

    @Test
    void hiveTablesKeepRefusingIcebergOnlyForms() {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE evo.hive (id int, name string) STORED AS PARQUET "
                + "LOCATION 's3://demo-data/evo/hive/'", null);
        // CHANGE COLUMN is a Hive form too (HiveSchemaChangesWireTest); these two are Iceberg's only.
        for (String sql : List.of("ALTER TABLE evo.hive DROP COLUMN name", "ALTER TABLE evo.hive RENAME TO other")) {
            QueryExecution q = run(clients.athena(), sql, null);
            assertThat(q.status().state()).as(sql).isEqualTo(QueryExecutionState.FAILED);
            assertThat(q.status().stateChangeReason()).as(sql)
                    .contains("FAILED: ParseException This ALTER TABLE form is not supported");
        }
        assertThat(glueColumns("hive")).containsExactly("id int", "name string");
    }

    @Test
    void showCreateTablePrintsTheIcebergForm() {
        succeed(clients.athena(), "CREATE TABLE evo.shown (id int, ts timestamp, name string COMMENT 'who') "
                + "PARTITIONED BY (day(ts)) LOCATION 's3://demo-data/evo/shown/' "
                + "TBLPROPERTIES ('table_type'='ICEBERG', 'format'='parquet')", null);
        succeed(clients.athena(), "ALTER TABLE evo.shown ADD COLUMNS (extra bigint)", null);
        // A DDL result has no header row: every row is a line of the statement.
        assertThat(rows(clients.athena(), succeed(clients.athena(), "SHOW CREATE TABLE evo.shown", null)
                .queryExecutionId())).extracting(r -> r.get(0)).containsExactly(
                "CREATE TABLE evo.shown (",
                "  id int,",
                "  ts timestamp,",
                "  name string COMMENT 'who',",
                "  extra bigint)",
                "PARTITIONED BY (day(ts))",
                "LOCATION 's3://demo-data/evo/shown'",
                "TBLPROPERTIES (",
                "  'table_type'='iceberg',",
                "  'format'='parquet')");
    }

    private static void create(String name, String columns) {
        succeed(clients.athena(), "CREATE TABLE evo." + name + " (" + columns + ") LOCATION 's3://demo-data/evo/"
                + name + "/' TBLPROPERTIES ('table_type'='ICEBERG')", null);
    }

    private static List<List<String>> select(String sql) {
        List<List<String>> all = rows(clients.athena(), succeed(clients.athena(), sql, null).queryExecutionId());
        return all.subList(1, all.size());
    }

    private static int snapshots(String table) {
        return Integer.parseInt(select("SELECT count(*) FROM evo.\"" + table + "$snapshots\"").get(0).get(0));
    }

    private static List<String> glueColumns(String table) {
        return clients.glue().getTable(r -> r.databaseName("evo").name(table)).table().storageDescriptor().columns()
                .stream().map(c -> (c.name() + " " + c.type() + " " + (c.comment() == null ? "" : c.comment()))
                        .strip()).toList();
    }

    private static String glueParameter(String table, String key) {
        return clients.glue().getTable(r -> r.databaseName("evo").name(table)).table().parameters().get(key);
    }

    private static String metadataLocation(String table) {
        return glueParameter(table, "metadata_location");
    }
}
