package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.OUTPUT;
import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.athena.AthenaQueries;
import ai.connecty.athena.local.http.SdkClients;
import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * DDL, SHOW and DESCRIBE through the real SDK over files PUT through S3, on a private athena-local without demo
 * data (so the shared instance's catalog stays untouched), compared with measured-behaviour §1.5, §3.3, §4, §7.5.
 */
class DdlWireTest {

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena();
    private static final SdkClientsExtension clients = athena.clients();

    @BeforeAll
    static void start() throws Exception {
        put("ddl/people/people.csv", "id,name\n1,ann\n2,bob\n3,\n");
        put("ddl/events/e.json", "{\"id\":1,\"tags\":[\"a\",\"b\"],\"ctx\":{\"device\":\"web\"}}\n"
                + "{\"id\":2,\"tags\":[],\"ctx\":{\"device\":\"mobile\"}}\n");
        for (String dt : List.of("2024-01-01", "2024-01-02", "2024-01-03")) {
            putParquet("ddl/metrics/dt=" + dt + "/part-0.parquet", "SELECT range AS v FROM range(" + dt.substring(9) + ")");
        }
        succeed(clients.athena(), "CREATE DATABASE IF NOT EXISTS ddl", null);
        succeed(clients.athena(), "CREATE EXTERNAL TABLE ddl.people (id int, name string COMMENT 'given name') "
                + "ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://demo-data/ddl/people/' TBLPROPERTIES ('skip.header.line.count'='1')", null);
        succeed(clients.athena(),
                "CREATE EXTERNAL TABLE ddl.events (id int, tags array<string>, ctx struct<device:string>) "
                + "ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://demo-data/ddl/events/'", null);
        succeed(clients.athena(), "CREATE EXTERNAL TABLE ddl.metrics (v bigint) PARTITIONED BY (dt string) " + PARQUET
                + "LOCATION 's3://demo-data/ddl/metrics/'", null);
    }

    /** Parquet declared through its SerDe, the other spelling of STORED AS PARQUET. */
    private static final String PARQUET = "ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' ";

    @Test
    void storedAsClausesAreAccepted() {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE ddl.stored_parquet (v bigint) STORED AS PARQUET "
                + "LOCATION 's3://demo-data/ddl/metrics/dt=2024-01-02/'", null);
        succeed(clients.athena(), "CREATE EXTERNAL TABLE ddl.stored_text (id int, name string) ROW FORMAT DELIMITED "
                + "FIELDS TERMINATED BY ',' STORED AS TEXTFILE LOCATION 's3://demo-data/ddl/people/'", null);
        assertThat(count("ddl.stored_parquet")).isEqualTo("2");
    }

    private static void put(String key, String content) {
        clients.s3().putObject(r -> r.bucket("demo-data").key(key), RequestBody.fromString(content));
    }

    private static void putParquet(String key, String select) throws Exception {
        byte[] parquet = ParquetFiles.of(select);
        clients.s3().putObject(r -> r.bucket("demo-data").key(key), RequestBody.fromBytes(parquet));
    }

    private static String object(String key) {
        return clients.s3().getObjectAsBytes(r -> r.bucket("athena-results").key(key)).asString(StandardCharsets.UTF_8);
    }

    private static boolean exists(String bucket, String key) {
        return Files.exists(athena.local().buckets().path(bucket, key));
    }

    @Test
    void aTableCommentIsKeptAsTheCommentParameterInGlueAndAthenasMetadata() {
        succeed(clients.athena(),
                "CREATE EXTERNAL TABLE ddl.commented (id int COMMENT 'key') COMMENT 'people, one per row' "
                + "ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://demo-data/ddl/people/'", null);
        try (software.amazon.awssdk.services.glue.GlueClient glue = SdkClients.glue(athena.local(), SdkClients.ADMIN)) {
            software.amazon.awssdk.services.glue.model.Table table =
                    glue.getTable(r -> r.databaseName("ddl").name("commented")).table();
            assertThat(table.parameters()).containsEntry("comment", "people, one per row")
                    .containsEntry("EXTERNAL", "TRUE");
            assertThat(table.storageDescriptor().columns().get(0).comment()).isEqualTo("key");
        }
        assertThat(clients.athena().listTableMetadata(r -> r.catalogName("AwsDataCatalog").databaseName("ddl")
                .expression("commented")).tableMetadataList())
                .singleElement().satisfies(t -> assertThat(t.parameters()).containsEntry("comment", "people, one per row"));
        assertThat(clients.athena().getTableMetadata(r -> r.catalogName("AwsDataCatalog").databaseName("ddl")
                .tableName("commented")).tableMetadata().parameters()).containsEntry("comment", "people, one per row");
    }

    @Test
    void createExternalTableIsColumnlessDdlWithAnEmptyTxt() {
        QueryExecution q = succeed(clients.athena(), "CREATE EXTERNAL TABLE IF NOT EXISTS ddl.people (id int) "
                + "LOCATION 's3://demo-data/ddl/people/'", null);
        assertThat(q.statementTypeAsString()).isEqualTo("DDL");
        assertThat(q.substatementType()).isEqualTo("CREATE_TABLE");
        assertThat(q.resultConfiguration().outputLocation()).isEqualTo(OUTPUT + q.queryExecutionId() + ".txt");
        GetQueryResultsResponse r = clients.athena().getQueryResults(x -> x.queryExecutionId(q.queryExecutionId()));
        assertThat(r.resultSet().rows()).isEmpty();
        assertThat(r.resultSet().resultSetMetadata().columnInfo()).isEmpty();
        assertThat(r.updateCount()).isNull();
        assertThat(object(q.queryExecutionId() + ".txt")).isEmpty();
        assertThat(exists("athena-results", q.queryExecutionId() + ".txt.metadata")).isFalse();
    }

    @Test
    void csvAndJsonTablesAreQueryable() {
        String people = succeed(clients.athena(), "SELECT id, name FROM people ORDER BY id", "ddl").queryExecutionId();
        assertThat(rows(clients.athena(), people)).containsExactly(List.of("id", "name"), List.of("1", "ann"),
                List.of("2", "bob"), List.of("3", ""));
        String events = succeed(clients.athena(),
                "SELECT id, cardinality(tags) AS n, ctx.device AS device FROM ddl.events ORDER BY id",
                null).queryExecutionId();
        assertThat(rows(clients.athena(), events)).containsExactly(List.of("id", "n", "device"),
                List.of("1", "2", "web"), List.of("2", "0", "mobile"));
    }

    @Test
    void partitionsAreReadOnlyOnceRegistered() {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE ddl.parts (v bigint) PARTITIONED BY (dt string) " + PARQUET
                + "LOCATION 's3://demo-data/ddl/metrics/'", null);
        assertThat(count("ddl.parts")).isEqualTo("0");

        QueryExecution msck = succeed(clients.athena(), "MSCK REPAIR TABLE ddl.parts", null);
        assertThat(msck.substatementType()).isEqualTo("MSCK_REPAIR");
        GetQueryResultsResponse r = clients.athena().getQueryResults(x -> x.queryExecutionId(msck.queryExecutionId()));
        assertThat(r.resultSet().resultSetMetadata().columnInfo()).isEmpty();
        assertThat(r.updateCount()).isNull();
        assertThat(AthenaQueries.values(r).get(0).get(0)).isEqualTo("Partitions not in metastore:\tparts:dt=2024-01-01"
                + "\tparts:dt=2024-01-02\tparts:dt=2024-01-03");
        assertThat(exists("athena-results", msck.queryExecutionId() + ".txt.metadata")).isTrue();
        assertThat(count("ddl.parts")).isEqualTo("6");

        succeed(clients.athena(), "ALTER TABLE ddl.parts DROP PARTITION (dt='2024-01-03')", null);
        assertThat(count("ddl.parts")).isEqualTo("3");
        QueryExecution add = succeed(clients.athena(),
                "ALTER TABLE ddl.parts ADD IF NOT EXISTS PARTITION (dt='2024-01-03') "
                + "LOCATION 's3://demo-data/ddl/metrics/dt=2024-01-03/'", null);
        assertThat(add.substatementType()).isEqualTo("ALTER_TABLE_ADD_PARTITION");
        assertThat(count("ddl.parts")).isEqualTo("6");

        String show = succeed(clients.athena(), "SHOW PARTITIONS ddl.parts", null).queryExecutionId();
        assertThat(rows(clients.athena(), show))
                .containsExactlyInAnyOrder(List.of("dt=2024-01-01"), List.of("dt=2024-01-02"),
                List.of("dt=2024-01-03"));
    }

    private static String count(String table) {
        return rows(clients.athena(), succeed(clients.athena(), "SELECT count(*) FROM " + table, null)
                .queryExecutionId()).get(1).get(0);
    }

    @Test
    void describeOfAPartitionedTableUsesHivePadding() {
        QueryExecution q = succeed(clients.athena(), "DESCRIBE metrics", "ddl");
        List<List<String>> rows = rows(clients.athena(), q.queryExecutionId());
        assertThat(rows).extracting(row -> row.get(0)).containsExactly(
                "v                   \tbigint              \t                    ",
                "dt                  \tstring              \t                    ",
                "\t \t ",
                "# Partition Information\t \t ",
                "# col_name            \tdata_type           \tcomment             ",
                "\t \t ",
                "dt                  \tstring              \t                    ");
        GetQueryResultsResponse page = clients.athena().getQueryResults(x -> x.queryExecutionId(q.queryExecutionId()));
        assertThat(page.resultSet().resultSetMetadata().columnInfo()).extracting(ColumnInfo::type)
                .containsExactly("string", "string", "string");
        assertThat(object(q.queryExecutionId() + ".txt")).doesNotEndWith("\n").startsWith("v                   \t");

        List<List<String>> people = rows(clients.athena(), succeed(clients.athena(), "DESCRIBE ddl.people", null)
                .queryExecutionId());
        assertThat(people.get(1).get(0)).isEqualTo("name                \tstring              \tgiven name          ");
    }

    @Test
    void showStatementsHaveAthenasShapes() {
        List<List<String>> columns = rows(clients.athena(),
                succeed(clients.athena(), "SHOW COLUMNS IN ddl.metrics", null).queryExecutionId());
        assertThat(columns).containsExactly(List.of("v                   "), List.of("dt                  "));

        List<List<String>> props = rows(clients.athena(),
                succeed(clients.athena(), "SHOW TBLPROPERTIES ddl.people", null).queryExecutionId());
        assertThat(props).extracting(r -> r.get(0)).contains("EXTERNAL\tTRUE", "skip.header.line.count\t1")
                .anySatisfy(p -> assertThat(p).matches("transient_lastDdlTime\t\\d{10}"));

        QueryExecution create = succeed(clients.athena(), "SHOW CREATE TABLE ddl.people", null);
        List<String> ddl = rows(clients.athena(), create.queryExecutionId()).stream().map(r -> r.get(0)).toList();
        assertThat(ddl.get(0)).isEqualTo("CREATE EXTERNAL TABLE `ddl`.`people`(");
        assertThat(ddl).contains("  `id` int, ", "LOCATION", "  's3://demo-data/ddl/people'");
        assertThat(clients.athena().getQueryResults(x -> x.queryExecutionId(create.queryExecutionId())).resultSet()
                .resultSetMetadata().columnInfo().get(0).name()).isEqualTo("createtab_stmt");

        List<List<String>> databases = rows(clients.athena(), succeed(clients.athena(), "SHOW DATABASES", null)
                .queryExecutionId());
        assertThat(databases).contains(List.of("ddl"));
        assertThat(rows(clients.athena(), succeed(clients.athena(), "SHOW SCHEMAS LIKE 'dd.'", null)
                .queryExecutionId()))
                .containsExactly(List.of("ddl"));
    }

    @Test
    void viewsShowAndDescribeInTrinoSpelling() {
        succeed(clients.athena(),
                "CREATE OR REPLACE VIEW ddl.named AS SELECT id, name FROM ddl.people WHERE name <> ''", null);
        assertThat(rows(clients.athena(), succeed(clients.athena(), "SELECT count(*) FROM ddl.named", null)
                .queryExecutionId()).get(1))
                .containsExactly("2");

        QueryExecution describe = succeed(clients.athena(), "DESCRIBE ddl.named", null);
        assertThat(describe.substatementType()).isEqualTo("DESC_VIEW");
        assertThat(describe.query()).isEqualTo("DESCRIBE ddl.named");
        GetQueryResultsResponse r = clients.athena()
                .getQueryResults(x -> x.queryExecutionId(describe.queryExecutionId()));
        assertThat(AthenaQueries.values(r)).containsExactly(List.of("id\tinteger"), List.of("name\tvarchar"));
        assertThat(r.updateCount()).isZero();
        assertThat(r.resultSet().resultSetMetadata().columnInfo()).extracting(ColumnInfo::name, ColumnInfo::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("column", "varchar"),
                        org.assertj.core.groups.Tuple.tuple("type", "varchar"));
        // Athena's DESCRIBE VIEW form reads the same.
        QueryExecution describeView = succeed(clients.athena(), "DESCRIBE VIEW ddl.named", null);
        assertThat(describeView.substatementType()).isEqualTo("DESC_VIEW");
        assertThat(AthenaQueries.values(clients.athena().getQueryResults(x -> x.queryExecutionId(
                describeView.queryExecutionId())))).containsExactly(List.of("id\tinteger"), List.of("name\tvarchar"));

        List<String> create = rows(clients.athena(), succeed(clients.athena(), "SHOW CREATE VIEW ddl.named", null)
                .queryExecutionId())
                .stream().map(x -> x.get(0)).toList();
        assertThat(create.get(0)).isEqualTo("CREATE VIEW ddl.named AS");
        assertThat(create).hasSizeGreaterThan(1);
        assertThat(rows(clients.athena(), succeed(clients.athena(), "SHOW VIEWS IN ddl", null).queryExecutionId()))
                .contains(List.of("named"));
    }

    @Test
    void theRecordedQueryDropsTheCatalogPrefixOnlyWhereAthenaDoes() {
        succeed(clients.athena(),
                "CREATE EXTERNAL TABLE ddl.prefixed (id int) LOCATION 's3://demo-data/ddl/people/'", null);
        List<List<String>> cases = List.of(
                List.of("DESCRIBE awsdatacatalog.ddl.prefixed", "DESCRIBE prefixed"),
                List.of("SHOW COLUMNS IN awsdatacatalog.ddl.prefixed", "SHOW COLUMNS IN ddl.prefixed"),
                List.of("SHOW CREATE TABLE awsdatacatalog.ddl.prefixed", "SHOW CREATE TABLE ddl.prefixed"),
                List.of("SHOW TABLES IN awsdatacatalog.ddl", "SHOW TABLES IN ddl"),
                List.of("SHOW TBLPROPERTIES awsdatacatalog.ddl.prefixed", "SHOW TBLPROPERTIES ddl.prefixed"),
                List.of("ALTER TABLE awsdatacatalog.ddl.prefixed SET TBLPROPERTIES ('k'='v')",
                        "ALTER TABLE ddl.prefixed SET TBLPROPERTIES ('k'='v')"),
                List.of("SELECT count(*) FROM awsdatacatalog.ddl.prefixed", "SELECT count(*) FROM awsdatacatalog.ddl.prefixed"),
                List.of("EXPLAIN SELECT id FROM awsdatacatalog.ddl.prefixed", "EXPLAIN SELECT id FROM awsdatacatalog.ddl.prefixed"),
                List.of("SHOW VIEWS IN awsdatacatalog.ddl", "SHOW VIEWS IN awsdatacatalog.ddl"),
                List.of("DROP TABLE awsdatacatalog.ddl.prefixed", "DROP TABLE ddl.prefixed"));
        for (List<String> c : cases) {
            assertThat(succeed(clients.athena(), c.get(0), null).query()).as(c.get(0)).isEqualTo(c.get(1));
        }
        // In another catalog the prefix names a different catalog, so it stays.
        QueryExecution elsewhere = AthenaQueries.await(clients.athena(), clients.athena().startQueryExecution(AthenaQueries
                .request("SHOW TABLES IN awsdatacatalog.ddl", null).queryExecutionContext(x -> x.catalog("lakehouse"))
                .build()).queryExecutionId());
        assertThat(elsewhere.query()).isEqualTo("SHOW TABLES IN awsdatacatalog.ddl");
    }

    @Test
    void ctasInsertAndDropWriteAthenasFiles() {
        QueryExecution ctas = succeed(clients.athena(),
                "CREATE TABLE ddl.copy AS SELECT id, name FROM ddl.people", null);
        String id = ctas.queryExecutionId();
        assertThat(ctas.statementTypeAsString()).isEqualTo("DDL");
        assertThat(ctas.substatementType()).isEqualTo("CREATE_TABLE_AS_SELECT");
        assertThat(ctas.resultConfiguration().outputLocation()).isEqualTo(OUTPUT + "tables/" + id);
        GetQueryResultsResponse ctasResult = clients.athena().getQueryResults(x -> x.queryExecutionId(id));
        assertThat(ctasResult.updateCount()).isEqualTo(3);
        assertThat(ctasResult.resultSet().rows()).isEmpty();
        assertThat(ctasResult.resultSet().resultSetMetadata().columnInfo()).extracting(ColumnInfo::name, ColumnInfo::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rows", "bigint"));
        assertThat(exists("athena-results", "tables/" + id + ".metadata")).isTrue();
        assertThat(exists("athena-results", "tables/" + id + "-manifest.csv")).isTrue();
        assertThat(count("ddl.copy")).isEqualTo("3");

        QueryExecution insert = succeed(clients.athena(), "INSERT INTO ddl.copy VALUES (4, 'dan'), (5, NULL)", null);
        String insertId = insert.queryExecutionId();
        assertThat(insert.substatementType()).isEqualTo("INSERT");
        assertThat(insert.resultConfiguration().outputLocation()).isEqualTo(OUTPUT + insertId);
        assertThat(clients.athena().getQueryResults(x -> x.queryExecutionId(insertId)).updateCount()).isEqualTo(2);
        assertThat(exists("athena-results", insertId + ".metadata")).isTrue();
        assertThat(object(insertId + "-manifest.csv")).startsWith("s3://athena-results/tables/" + id + "/");
        assertThat(insert.statistics().dataManifestLocation()).isEqualTo(OUTPUT + insertId + "-manifest.csv");
        assertThat(count("ddl.copy")).isEqualTo("5");

        QueryExecution drop = succeed(clients.athena(), "DROP TABLE ddl.copy", null);
        assertThat(object(drop.queryExecutionId() + ".txt")).isEmpty();
        QueryExecution gone = AthenaQueries.run(clients.athena(), "SELECT * FROM ddl.copy", null);
        assertThat(gone.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(gone.status().stateChangeReason()).startsWith("TABLE_NOT_FOUND");
        // External data stays where it was.
        assertThat(object(insertId + "-manifest.csv")).isNotEmpty();
    }

    @Test
    void aFailedHiveStatementWritesItsReasonAndAnswersResultsEmpty() {
        QueryExecution q = AthenaQueries.run(clients.athena(), "CREATE EXTERNAL TABLE ddl.people (id int) "
                + "LOCATION 's3://demo-data/ddl/people/'", null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).isEqualTo("FAILED: Execution Error, return code 1 from "
                + "org.apache.hadoop.hive.ql.exec.DDLTask. AlreadyExistsException(message:Table people already exist)");
        assertThat(q.status().athenaError().errorMessage()).isEqualTo("Table people already exists.");
        GetQueryResultsResponse r = clients.athena().getQueryResults(x -> x.queryExecutionId(q.queryExecutionId()));
        assertThat(r.resultSet().rows()).isEmpty();
        assertThat(r.updateCount()).isNull();
        assertThat(object(q.queryExecutionId() + ".txt")).isEqualTo(q.status().stateChangeReason());

        QueryExecution missing = AthenaQueries.run(clients.athena(), "SHOW TABLES IN nosuchdb", null);
        assertThat(missing.status().stateChangeReason())
                .isEqualTo("FAILED: SemanticException [Error 10072]: Database does not exist: nosuchdb");
    }

    @Test
    void theCatalogSurvivesARestart(@TempDir Path restartDir) throws Exception {
        try (LocalAthena first = LocalAthena.builder().port(0).dataDir(restartDir).demoData(false).build().start();
             AthenaClient client = SdkClients.athena(first, SdkClients.ADMIN)) {
            succeed(client, "CREATE DATABASE kept", null);
            succeed(client, "CREATE TABLE kept.t AS SELECT 1 AS a UNION ALL SELECT 2", null);
            succeed(client, "CREATE VIEW kept.v AS SELECT a * 10 AS b FROM kept.t", null);
        }
        try (LocalAthena second = LocalAthena.builder().port(0).dataDir(restartDir).demoData(false).build().start();
             AthenaClient client = SdkClients.athena(second, SdkClients.ADMIN)) {
            assertThat(rows(client, succeed(client, "SHOW TABLES IN kept", null).queryExecutionId()))
                    .containsExactlyInAnyOrder(List.of("t"), List.of("v"));
            assertThat(rows(client, succeed(client, "SELECT sum(b) AS s FROM kept.v", null).queryExecutionId()))
                    .containsExactly(List.of("s"), List.of("30"));
        }
    }
}
