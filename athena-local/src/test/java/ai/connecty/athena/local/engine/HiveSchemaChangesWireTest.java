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
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Partition;

/**
 * The Hive-table forms of ALTER TABLE that change columns or partitions (CHANGE COLUMN, REPLACE COLUMNS, RENAME
 * PARTITION) and ALTER DATABASE SET DBPROPERTIES, through the SDK. Columns change in Glue only; reads follow the
 * format's documented column mapping ("Handle schema updates"): text by position, Parquet and JSON by name.
 */
class HiveSchemaChangesWireTest {

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena();
    private static final SdkClientsExtension clients = athena.clients();
    private static final String CSV = "ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' ";

    @BeforeAll
    static void data() throws Exception {
        succeed(clients.athena(), "CREATE DATABASE hs", null);
        put("hs/people/p.csv", "1,ann,x\n2,bob,y\n");
        put("hs/words/w.csv", "7,seven\n8,eight\n");
        put("hs/parted/dt=a/p.csv", "1,ann,x\n");
        put("hs/events/e.json", "{\"id\":1,\"name\":\"ann\"}\n");
        putParquet("hs/pq/p.parquet", "SELECT 1::INT AS id, 'ann' AS name UNION ALL SELECT 2::INT, 'bob'");
        putParquet("hs/metrics/dt=a/m.parquet", "SELECT 5::BIGINT AS v");
    }

    @Test
    void aRenamedTextColumnKeepsItsDataBecauseTextIsReadByPosition() {
        table("csv_rename", "(id int, name string COMMENT 'given', tag string) " + CSV, "people");
        succeed(clients.athena(), "ALTER TABLE hs.csv_rename CHANGE name full_name string", null);

        assertThat(query("SELECT id, full_name, tag FROM hs.csv_rename ORDER BY id")).containsExactly(
                List.of("id", "full_name", "tag"), List.of("1", "ann", "x"), List.of("2", "bob", "y"));
        // The column kept its place and, with no COMMENT given, its comment.
        assertThat(glueColumns("csv_rename")).extracting(Column::name).containsExactly("id", "full_name", "tag");
        assertThat(glueColumns("csv_rename").get(1).comment()).isEqualTo("given");
        assertThat(query("SHOW COLUMNS IN hs.csv_rename")).extracting(r -> r.get(0).strip())
                .containsExactly("id", "full_name", "tag");
        assertThat(query("DESCRIBE hs.csv_rename").get(1).get(0)).startsWith("full_name");
        assertThat(String.join("\n", query("SHOW CREATE TABLE hs.csv_rename").stream().map(r -> r.get(0)).toList()))
                .contains("`full_name` string COMMENT 'given'");
        assertThat(clients.athena().getTableMetadata(r -> r.catalogName("AwsDataCatalog").databaseName("hs")
                .tableName("csv_rename")).tableMetadata().columns()).extracting(c -> c.name())
                .containsExactly("id", "full_name", "tag");
        assertThat(query("SELECT column_name FROM information_schema.columns WHERE table_schema = 'hs' "
                + "AND table_name = 'csv_rename' ORDER BY ordinal_position")).extracting(r -> r.get(0))
                .containsExactly("column_name", "id", "full_name", "tag");
    }

    @Test
    void changeMovesAColumnWithFirstOrAfterAndTextReadsFollowThePositions() {
        table("csv_move", "(id int, name string, tag string) " + CSV, "people");
        succeed(clients.athena(), "ALTER TABLE hs.csv_move CHANGE COLUMN tag tag string AFTER id", null);
        assertThat(glueColumns("csv_move")).extracting(Column::name).containsExactly("id", "tag", "name");
        // By position: the second field of each line is now read as tag.
        assertThat(query("SELECT tag FROM hs.csv_move ORDER BY id")).containsExactly(List.of("tag"), List.of("ann"),
                List.of("bob"));
        succeed(clients.athena(), "ALTER TABLE hs.csv_move CHANGE name name string COMMENT 'moved' FIRST", null);
        assertThat(glueColumns("csv_move")).extracting(Column::name).containsExactly("name", "id", "tag");
        assertThat(glueColumns("csv_move").get(0).comment()).isEqualTo("moved");
    }

    @Test
    void aRenamedParquetColumnReadsNullBecauseParquetIsReadByName() {
        table("pq_rename", "(id int, name string) STORED AS PARQUET ", "pq");
        succeed(clients.athena(), "ALTER TABLE hs.pq_rename CHANGE name full_name string", null);
        assertThat(query("SELECT id, full_name FROM hs.pq_rename ORDER BY id")).containsExactly(
                List.of("id", "full_name"), Arrays.asList("1", null), Arrays.asList("2", null));
        // Renaming it back finds the files' column again: nothing was rewritten.
        succeed(clients.athena(), "ALTER TABLE hs.pq_rename CHANGE full_name name string", null);
        assertThat(query("SELECT name FROM hs.pq_rename ORDER BY id")).containsExactly(List.of("name"),
                List.of("ann"), List.of("bob"));
    }

    @Test
    void aJsonColumnIsReadByNameToo() {
        table("js_rename", "(id int, name string) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' ", "events");
        succeed(clients.athena(), "ALTER TABLE hs.js_rename CHANGE name label string", null);
        assertThat(query("SELECT id, label FROM hs.js_rename")).containsExactly(List.of("id", "label"),
                Arrays.asList("1", null));
    }

    @Test
    void retypingIntToBigintReadsTheSameValuesAsBigint() {
        table("csv_retype", "(id int, name string) " + CSV, "words");
        table("pq_retype", "(id int, name string) STORED AS PARQUET ", "pq");
        for (String t : List.of("csv_retype", "pq_retype")) {
            succeed(clients.athena(), "ALTER TABLE hs." + t + " CHANGE id id bigint", null);
            assertThat(glueColumns(t).get(0).type()).isEqualTo("bigint");
            assertThat(query("SELECT typeof(id) AS ty, sum(id) AS s FROM hs." + t + " GROUP BY 1"))
                    .as(t).hasSize(2).element(1).satisfies(r -> assertThat(r.get(0)).isEqualTo("bigint"));
        }
        assertThat(query("SELECT sum(id) AS s FROM hs.csv_retype")).containsExactly(List.of("s"), List.of("15"));
        assertThat(query("SELECT sum(id) AS s FROM hs.pq_retype")).containsExactly(List.of("s"), List.of("3"));
    }

    @Test
    void aTextValueTheNewTypeCannotParseReadsNull() {
        table("csv_lenient", "(id int, name string) " + CSV, "words");
        succeed(clients.athena(), "ALTER TABLE hs.csv_lenient CHANGE name name int", null);
        assertThat(query("SELECT id, name FROM hs.csv_lenient ORDER BY id")).containsExactly(List.of("id", "name"),
                Arrays.asList("7", null), Arrays.asList("8", null));
    }

    @Test
    void replaceColumnsOnTextKeepsThePartitionKeysAndReadsByPosition() {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE hs.csv_replace (id int, name string, tag string) "
                + "PARTITIONED BY (dt string) " + CSV + "LOCATION 's3://demo-data/hs/parted/'", null);
        succeed(clients.athena(), "ALTER TABLE hs.csv_replace ADD PARTITION (dt='a')", null);

        succeed(clients.athena(), "ALTER TABLE hs.csv_replace REPLACE COLUMNS (id int, label string)", null);
        assertThat(query("SHOW COLUMNS IN hs.csv_replace")).extracting(r -> r.get(0).strip())
                .containsExactly("id", "label", "dt");
        assertThat(query("SELECT * FROM hs.csv_replace")).containsExactly(List.of("id", "label", "dt"),
                List.of("1", "ann", "a"));

        succeed(clients.athena(),
                "ALTER TABLE hs.csv_replace REPLACE COLUMNS (id int, label string, tag string, extra string)", null);
        assertThat(query("SELECT * FROM hs.csv_replace")).containsExactly(List.of("id", "label", "tag", "extra", "dt"),
                Arrays.asList("1", "ann", "x", null, "a"));
    }

    @Test
    void replaceColumnsOnParquetReadsByName() {
        table("pq_replace", "(id int, name string) STORED AS PARQUET ", "pq");
        succeed(clients.athena(), "ALTER TABLE hs.pq_replace REPLACE COLUMNS (name string, score double)", null);
        assertThat(query("SELECT * FROM hs.pq_replace ORDER BY name")).containsExactly(List.of("name", "score"),
                Arrays.asList("ann", null), Arrays.asList("bob", null));
    }

    @Test
    void refusalsCarryHivesWording() {
        table("refused", "(id int, name string) " + CSV, "people");
        table("js_refused", "(id int) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' ", "events");
        String ddlTask = "FAILED: Execution Error, return code 1 from org.apache.hadoop.hive.ql.exec.DDLTask. ";
        assertFails("ALTER TABLE hs.refused CHANGE nope x int", ddlTask + "Invalid column reference nope");
        assertFails("ALTER TABLE hs.refused CHANGE name id string", ddlTask + "Duplicate column name: id");
        assertFails("ALTER TABLE hs.refused CHANGE name name string AFTER nope", ddlTask + "Invalid column reference nope");
        assertFails("ALTER TABLE hs.refused REPLACE COLUMNS (a int, a string)", ddlTask + "Duplicate column name: a");
        assertFails("ALTER TABLE hs.js_refused REPLACE COLUMNS (id bigint)",
                ddlTask + "Replace columns is not supported for table hs.js_refused. SerDe may be incompatible.");
        assertThat(glueColumns("refused")).extracting(Column::name).containsExactly("id", "name");
        assertThat(glueColumns("js_refused")).extracting(Column::type).containsExactly("int");
    }

    @Test
    void renamePartitionReadsTheSameFilesUnderTheNewValue() {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE hs.metrics (v bigint) PARTITIONED BY (dt string) "
                + "STORED AS PARQUET LOCATION 's3://demo-data/hs/metrics/'", null);
        succeed(clients.athena(), "ALTER TABLE hs.metrics ADD PARTITION (dt='a')", null);
        succeed(clients.athena(), "ALTER TABLE hs.metrics PARTITION (dt='a') RENAME TO PARTITION (dt='b')", null);

        assertThat(query("SELECT v, dt FROM hs.metrics")).containsExactly(List.of("v", "dt"), List.of("5", "b"));
        assertThat(query("SHOW PARTITIONS hs.metrics")).containsExactly(List.of("dt=b"));
        List<Partition> parts = clients.glue().getPartitions(r -> r.databaseName("hs").tableName("metrics")).partitions();
        assertThat(parts).singleElement().satisfies(p -> {
            assertThat(p.values()).containsExactly("b");
            assertThat(p.storageDescriptor().location()).isEqualTo("s3://demo-data/hs/metrics/dt=a/");
        });

        assertFails("ALTER TABLE hs.metrics PARTITION (dt='a') RENAME TO PARTITION (dt='c')",
                "FAILED: SemanticException [Error 10006]: Partition not found (dt=a)");
        succeed(clients.athena(), "ALTER TABLE hs.metrics ADD PARTITION (dt='c') LOCATION 's3://demo-data/hs/metrics/dt=a/'",
                null);
        assertFails("ALTER TABLE hs.metrics PARTITION (dt='c') RENAME TO PARTITION (dt='b')",
                "FAILED: Execution Error, return code 1 from org.apache.hadoop.hive.ql.exec.DDLTask. "
                        + "AlreadyExistsException(message:Partition already exists: dt=b)");
    }

    @Test
    void alterDatabaseMergesPropertiesIntoGlueParameters() {
        succeed(clients.athena(), "CREATE DATABASE hs_props WITH DBPROPERTIES ('owner'='ann', 'tier'='gold')", null);
        QueryExecution q = succeed(clients.athena(),
                "ALTER DATABASE hs_props SET DBPROPERTIES ('tier'='silver', 'team'='data')", null);
        assertThat(q.substatementType()).isEqualTo("ALTER_DATABASE");
        succeed(clients.athena(), "ALTER SCHEMA hs_props SET DBPROPERTIES ('region'='eu')", null);
        assertThat(clients.glue().getDatabase(r -> r.name("hs_props")).database().parameters())
                .containsEntry("owner", "ann").containsEntry("tier", "silver").containsEntry("team", "data")
                .containsEntry("region", "eu");
        assertFails("ALTER DATABASE hs_nowhere SET DBPROPERTIES ('a'='b')",
                "FAILED: SemanticException [Error 10072]: Database does not exist: hs_nowhere");
    }

    private static void table(String name, String columnsAndFormat, String folder) {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE hs." + name + " " + columnsAndFormat
                + "LOCATION 's3://demo-data/hs/" + folder + "/'", null);
    }

    private static List<Column> glueColumns(String table) {
        return clients.glue().getTable(r -> r.databaseName("hs").name(table)).table().storageDescriptor().columns();
    }

    private static List<List<String>> query(String sql) {
        return rows(clients.athena(), succeed(clients.athena(), sql, null).queryExecutionId());
    }

    private static void assertFails(String sql, String reason) {
        QueryExecution q = run(clients.athena(), sql, null);
        assertThat(q.status().state()).as(sql).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).as(sql).isEqualTo(reason);
    }

    private static void put(String key, String content) {
        clients.s3().putObject(r -> r.bucket("demo-data").key(key), RequestBody.fromString(content));
    }

    private static void putParquet(String key, String select) throws Exception {
        clients.s3().putObject(r -> r.bucket("demo-data").key(key), RequestBody.fromBytes(ParquetFiles.of(select)));
    }
}
