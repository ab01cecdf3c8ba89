package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.http.TestIdentities;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * information_schema as Athena serves it over the Glue catalog: Trino's tables and columns (with Athena's visible
 * {@code comment} and {@code extra_info}), Trino's type spellings, partition keys after the data columns, views as
 * {@code VIEW}, information_schema listing itself; filtered, joined and aggregated like any table; rows only for
 * what the caller's Glue rights show, and a caller that may not list the catalog fails.
 */
class InformationSchemaWireTest {

    private static final String GLUE = "arn:aws:glue:us-east-1:123456789012:";

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena().withIdentities(TestIdentities.users()
            .user("admin", "AKIAADMIN00000000001", "admin-secret", TestIdentities.ALLOW_ALL)
            .user("analyst", "AKIAANALYST000000002", "analyst-secret", TestIdentities.ALLOW_ALL,
                    TestIdentities.deny("glue:GetTable", GLUE + "table/isdb/secret"),
                    TestIdentities.deny("glue:GetDatabase", GLUE + "database/hidden"))
            .user("nolist", "AKIANOLIST0000000003", "nolist-secret", TestIdentities.ALLOW_ALL,
                    TestIdentities.deny("glue:GetDatabases", "*")));
    private static final SdkClientsExtension clients = athena.clients();

    private static AthenaClient admin() {
        return clients.athena(AwsBasicCredentials.create("AKIAADMIN00000000001", "admin-secret"));
    }

    /** Everything but the table isdb.secret and the database hidden. */
    private static AthenaClient analyst() {
        return clients.athena(AwsBasicCredentials.create("AKIAANALYST000000002", "analyst-secret"));
    }

    /** Everything but listing the catalog's databases. */
    private static AthenaClient nolist() {
        return clients.athena(AwsBasicCredentials.create("AKIANOLIST0000000003", "nolist-secret"));
    }

    @BeforeAll
    static void tables() {
        succeed(admin(), "CREATE DATABASE isdb", null);
        succeed(admin(), "CREATE DATABASE hidden", null);
        succeed(admin(), "CREATE EXTERNAL TABLE isdb.events (id bigint COMMENT 'the id', name string, "
                + "price decimal(10,2), tags array<int>, info struct<a:int,`from`:string>, attrs map<string,int>, "
                + "ts timestamp, flag boolean, r float, c char(3), v varchar(12), b binary, d date) "
                + "PARTITIONED BY (dt string COMMENT 'day', hr int) STORED AS PARQUET "
                + "LOCATION 's3://athena-results/isdb/events/'", null);
        succeed(admin(), "CREATE EXTERNAL TABLE isdb.secret (x int) STORED AS PARQUET "
                + "LOCATION 's3://athena-results/isdb/secret/'", null);
        succeed(admin(), "CREATE EXTERNAL TABLE hidden.h (x int) STORED AS PARQUET "
                + "LOCATION 's3://athena-results/hidden/h/'", null);
        succeed(admin(), "CREATE VIEW isdb.event_names AS SELECT id, name FROM isdb.events", null);
        succeed(admin(), "CREATE TABLE isdb.wanted AS SELECT * FROM (VALUES 'price', 'dt', 'nope') AS t(col)", null);
    }

    private static List<List<String>> query(AthenaClient athena, String sql, String database) {
        return rows(athena, succeed(athena, sql, database).queryExecutionId());
    }

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    @Test
    void columnsListsDataColumnsThenPartitionKeysInTrinoSpelling() {
        String sql = "SELECT * FROM information_schema.columns WHERE table_schema = 'isdb' AND table_name = 'events' "
                + "ORDER BY ordinal_position";
        QueryExecution q = succeed(admin(), sql, "isdb");
        List<ColumnInfo> info = admin().getQueryResults(r -> r.queryExecutionId(q.queryExecutionId()))
                .resultSet().resultSetMetadata().columnInfo();
        assertThat(info).extracting(ColumnInfo::name).containsExactly("table_catalog", "table_schema", "table_name",
                "column_name", "ordinal_position", "column_default", "is_nullable", "data_type", "comment",
                "extra_info");
        assertThat(info).extracting(ColumnInfo::type).containsExactly("varchar", "varchar", "varchar", "varchar",
                "bigint", "varchar", "varchar", "varchar", "varchar", "varchar");
        List<List<String>> rows = rows(admin(), q.queryExecutionId());
        assertThat(rows).hasSize(16);
        assertThat(rows.get(0)).containsExactly("table_catalog", "table_schema", "table_name", "column_name",
                "ordinal_position", "column_default", "is_nullable", "data_type", "comment", "extra_info");
        assertThat(rows.get(1)).containsExactly("awsdatacatalog", "isdb", "events", "id", "1", null, "YES", "bigint",
                "the id", null);
        assertThat(rows.subList(1, 16)).extracting(r -> r.get(3) + " " + r.get(4) + " " + r.get(7)).containsExactly(
                "id 1 bigint", "name 2 varchar", "price 3 decimal(10,2)", "tags 4 array(integer)",
                "info 5 row(a integer, from varchar)", "attrs 6 map(varchar, integer)", "ts 7 timestamp(3)",
                "flag 8 boolean", "r 9 real", "c 10 char(3)", "v 11 varchar(12)", "b 12 varbinary", "d 13 date",
                "dt 14 varchar", "hr 15 integer");
        assertThat(rows.get(2).subList(8, 10)).containsExactly(null, null);
        assertThat(rows.get(14)).containsExactly("awsdatacatalog", "isdb", "events", "dt", "14", null, "YES",
                "varchar", "day", "partition key");
        assertThat(rows.get(15).get(8)).isNull();
        assertThat(rows.get(15).get(9)).isEqualTo("partition key");
    }

    @Test
    void tablesShowTableTypesAndViewsShowTheirText() {
        assertThat(query(admin(), "SELECT * FROM information_schema.tables WHERE table_schema = 'isdb' "
                + "ORDER BY table_name", null)).containsExactly(
                row("table_catalog", "table_schema", "table_name", "table_type"),
                row("awsdatacatalog", "isdb", "event_names", "VIEW"),
                row("awsdatacatalog", "isdb", "events", "BASE TABLE"),
                row("awsdatacatalog", "isdb", "secret", "BASE TABLE"),
                row("awsdatacatalog", "isdb", "wanted", "BASE TABLE"));
        assertThat(query(admin(), "SELECT * FROM awsdatacatalog.information_schema.views WHERE table_schema = 'isdb'",
                null)).containsExactly(
                row("table_catalog", "table_schema", "table_name", "view_definition"),
                row("awsdatacatalog", "isdb", "event_names", "SELECT id, name FROM isdb.events"));
        assertThat(query(admin(), "SELECT column_name, ordinal_position, data_type, comment, extra_info "
                + "FROM information_schema.columns WHERE table_schema = 'isdb' AND table_name = 'event_names' "
                + "ORDER BY 2", null)).containsExactly(
                row("column_name", "ordinal_position", "data_type", "comment", "extra_info"),
                row("id", "1", "bigint", null, null),
                row("name", "2", "varchar", null, null));
    }

    @Test
    void schemataListsTheDatabasesAndInformationSchema() {
        List<List<String>> rows = query(admin(), "SELECT * FROM information_schema.schemata ORDER BY schema_name",
                null);
        assertThat(rows.get(0)).containsExactly("catalog_name", "schema_name");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(1))
                .contains("hidden", "information_schema", "isdb").isSorted();
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0)).containsOnly("awsdatacatalog");
    }

    @Test
    void informationSchemaListsItsOwnTablesAndColumns() {
        assertThat(query(admin(), "SELECT table_name, table_type FROM information_schema.tables "
                + "WHERE table_schema = 'information_schema' ORDER BY table_name", null)).containsExactly(
                row("table_name", "table_type"),
                row("applicable_roles", "BASE TABLE"), row("columns", "BASE TABLE"),
                row("enabled_roles", "BASE TABLE"), row("roles", "BASE TABLE"), row("schemata", "BASE TABLE"),
                row("table_privileges", "BASE TABLE"), row("tables", "BASE TABLE"), row("views", "BASE TABLE"));
        assertThat(query(admin(), "SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = 'information_schema' AND table_name = 'schemata' ORDER BY ordinal_position",
                null)).containsExactly(row("column_name", "data_type"), row("catalog_name", "varchar"),
                row("schema_name", "varchar"));
        assertThat(query(admin(), "SELECT count(*) FROM information_schema.table_privileges", null))
                .containsExactly(row("_col0"), row("0"));
    }

    @Test
    void filtersAggregatesAndLimitsWorkAsOnAnyTable() {
        assertThat(query(admin(), "SELECT table_name, count(*) AS n, max(ordinal_position) AS m "
                + "FROM information_schema.columns WHERE table_schema = 'isdb' GROUP BY table_name "
                + "ORDER BY n DESC, table_name LIMIT 2", null)).containsExactly(
                row("table_name", "n", "m"), row("events", "15", "15"), row("event_names", "2", "2"));
        assertThat(query(admin(), "SELECT column_name FROM information_schema.columns WHERE table_schema = 'isdb' "
                + "AND extra_info = 'partition key' ORDER BY column_name", null)).containsExactly(
                row("column_name"), row("dt"), row("hr"));
        assertThat(query(admin(), "SELECT columns.column_name FROM information_schema.columns "
                + "WHERE columns.table_name = 'events' AND columns.data_type LIKE 'array%'", null)).containsExactly(
                row("column_name"), row("tags"));
        // columns qualified with the schema (and the catalog), as jOOQ's Meta queries write them
        assertThat(query(admin(), "SELECT INFORMATION_SCHEMA.VIEWS.TABLE_NAME, awsdatacatalog.information_schema.views"
                + ".table_schema FROM INFORMATION_SCHEMA.VIEWS WHERE INFORMATION_SCHEMA.VIEWS.TABLE_SCHEMA IN ('isdb') "
                + "ORDER BY INFORMATION_SCHEMA.VIEWS.TABLE_NAME", null)).containsExactly(
                row("table_name", "table_schema"), row("event_names", "isdb"));
        // the context database information_schema: bare names are its tables
        assertThat(query(admin(), "SELECT schema_name FROM schemata WHERE schema_name LIKE 'is%'",
                "information_schema")).containsExactly(row("schema_name"), row("isdb"));
    }

    @Test
    void joinsWithARealTable() {
        assertThat(query(admin(), "SELECT w.col, c.data_type, c.extra_info FROM isdb.wanted w "
                + "LEFT JOIN information_schema.columns c ON c.column_name = w.col AND c.table_schema = 'isdb' "
                + "AND c.table_name = 'events' ORDER BY w.col", "isdb")).containsExactly(
                row("col", "data_type", "extra_info"),
                row("dt", "varchar", "partition key"),
                row("nope", null, null),
                row("price", "decimal(10,2)", null));
    }

    @Test
    void ctasAndInsertReadItLikeAnyTable() {
        succeed(admin(), "CREATE TABLE isdb.copied AS SELECT column_name, ordinal_position "
                + "FROM information_schema.columns WHERE table_schema = 'isdb' AND table_name = 'event_names'", null);
        succeed(admin(), "INSERT INTO isdb.copied SELECT table_name, 0 FROM information_schema.tables "
                + "WHERE table_schema = 'isdb' AND table_type = 'VIEW'", null);
        assertThat(query(admin(), "SELECT * FROM isdb.copied ORDER BY ordinal_position, column_name", null))
                .containsExactly(row("column_name", "ordinal_position"), row("event_names", "0"), row("id", "1"),
                        row("name", "2"));
        succeed(admin(), "DROP TABLE isdb.copied", null);
    }

    @Test
    void trinosHiddenColumnsAreNotServed() {
        QueryExecution q = run(admin(), "SELECT column_comment FROM information_schema.columns", null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).startsWith("COLUMN_NOT_FOUND");
    }

    @Test
    void rowsFollowTheCatalogAsItChanges() {
        String sql = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'isdb' "
                + "AND table_name = 'later'";
        assertThat(query(admin(), sql, null)).containsExactly(row("_col0"), row("0"));
        succeed(admin(), "CREATE EXTERNAL TABLE isdb.later (x int) STORED AS PARQUET "
                + "LOCATION 's3://athena-results/isdb/later/'", null);
        assertThat(query(admin(), sql, null)).containsExactly(row("_col0"), row("1"));
        succeed(admin(), "ALTER TABLE isdb.later ADD COLUMNS (y double)", null);
        assertThat(query(admin(), "SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = 'isdb' AND table_name = 'later' ORDER BY ordinal_position", null))
                .containsExactly(row("column_name", "data_type"), row("x", "integer"), row("y", "double"));
        succeed(admin(), "DROP TABLE isdb.later", null);
        assertThat(query(admin(), sql, null)).containsExactly(row("_col0"), row("0"));
    }

    @Test
    void aCallerSeesOnlyWhatItsGlueRightsShow() {
        assertThat(query(analyst(), "SELECT table_name FROM information_schema.tables WHERE table_schema = 'isdb' "
                + "ORDER BY table_name", null)).containsExactly(
                row("table_name"), row("event_names"), row("events"), row("wanted"));
        assertThat(query(analyst(), "SELECT count(*) FROM information_schema.columns "
                + "WHERE table_name IN ('secret', 'h')", null)).containsExactly(row("_col0"), row("0"));
        List<List<String>> schemas = query(analyst(), "SELECT schema_name FROM information_schema.schemata", null);
        assertThat(schemas).extracting(r -> r.get(0)).contains("isdb", "information_schema").doesNotContain("hidden");
        assertThat(query(analyst(), "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hidden'",
                null)).containsExactly(row("_col0"), row("0"));
        // the administrator sees both
        assertThat(query(admin(), "SELECT count(*) FROM information_schema.columns "
                + "WHERE table_name IN ('secret', 'h')", null)).containsExactly(row("_col0"), row("2"));
    }

    @Test
    void aResultIsReusedOnlyForTheCallerWhoseRightsMadeIt() {
        String sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'isdb' "
                + "AND table_name LIKE 's%'";
        QueryExecution first = reusing(admin(), sql);
        assertThat(rows(admin(), first.queryExecutionId())).containsExactly(row("table_name"), row("secret"));
        QueryExecution again = reusing(admin(), sql);
        assertThat(again.statistics().resultReuseInformation().reusedPreviousResult()).isTrue();
        QueryExecution other = reusing(analyst(), sql);
        assertThat(other.statistics().resultReuseInformation().reusedPreviousResult()).isFalse();
        assertThat(rows(analyst(), other.queryExecutionId())).containsExactly(row("table_name"));
    }

    private static QueryExecution reusing(AthenaClient athena, String sql) {
        String id = athena.startQueryExecution(ai.connecty.athena.local.athena.AthenaQueries.request(sql, null)
                .resultConfiguration(r -> r.outputLocation(ai.connecty.athena.local.athena.AthenaQueries.OUTPUT))
                .resultReuseConfiguration(c -> c.resultReuseByAgeConfiguration(a -> a.enabled(true)
                        .maxAgeInMinutes(60)))
                .build()).queryExecutionId();
        QueryExecution q = ai.connecty.athena.local.athena.AthenaQueries.await(athena, id);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        return q;
    }

    @Test
    void aCallerThatMayNotListTheCatalogFails() {
        QueryExecution q = run(nolist(), "SELECT table_name FROM information_schema.tables", "isdb");
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).startsWith("Insufficient permissions to execute the query. "
                + "User: arn:aws:iam::123456789012:user/nolist is not authorized to perform: glue:GetDatabases on "
                + "resource: " + GLUE + "catalog");
        // its other queries still run
        assertThat(query(nolist(), "SELECT count(*) FROM isdb.wanted", "isdb")).containsExactly(row("_col0"),
                row("3"));
    }

    @Test
    void aTableInformationSchemaLacksIsNotFound() {
        QueryExecution q = run(admin(), "SELECT * FROM information_schema.key_column_usage", null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).isEqualTo("TABLE_NOT_FOUND: line 1:15: Table "
                + "'awsdatacatalog.information_schema.key_column_usage' does not exist");
    }

    @Test
    void aViewCannotReadInformationSchema() {
        QueryExecution q = run(admin(), "CREATE VIEW isdb.v_info AS SELECT table_name FROM information_schema.tables",
                null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).startsWith("NOT_SUPPORTED");
        assertThat(query(admin(), "SELECT count(*) FROM information_schema.tables WHERE table_name = 'v_info'",
                null)).containsExactly(row("_col0"), row("0"));
    }

    @Test
    void otherCatalogsHaveTheirOwnInformationSchema() {
        assertThat(query(admin(), "SELECT catalog_name, schema_name FROM lakehouse.information_schema.schemata "
                + "WHERE schema_name = 'information_schema'", null)).containsExactly(
                row("catalog_name", "schema_name"), row("lakehouse", "information_schema"));
        assertThat(query(admin(), "SELECT count(*) FROM lakehouse.information_schema.tables "
                + "WHERE table_schema = 'isdb'", null)).containsExactly(row("_col0"), row("0"));
    }
}
