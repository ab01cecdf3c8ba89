package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * Partition projection through the SDK: tables whose partitions come from projection.* table properties and
 * storage.location.template over CSV files PUT through S3, never from Glue.
 */
class PartitionProjectionWireTest {

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena();
    private static final SdkClientsExtension clients = athena.clients();

    private static final String CSV = "ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' ";

    @BeforeAll
    static void data() {
        put("logs/2024/01/05/a.csv", "1,alpha\n2,beta\n");
        put("logs/2024/01/06/a.csv", "3,gamma\n");
        put("logs/2024/02/01/a.csv", "4,outside\n"); // after the range's end
        put("logs/2024/1/7/a.csv", "5,unpadded\n"); // not how 'yyyy/MM/dd' writes a day
        put("shards/07/x.csv", "70,seven\n");
        put("shards/12/x.csv", "120,twelve\n");
        put("shards/7/x.csv", "7,unpadded\n"); // digits 2 writes 07
        put("shards/99/x.csv", "990,out\n"); // outside 0..20
        put("regions/eu/r.csv", "1,eu\n");
        put("regions/us/r.csv", "2,us\n");
        put("regions/ap/r.csv", "3,ap\n"); // not an enum value
        put("devices/d-1/e.csv", "1,one\n");
        put("devices/d-2/e.csv", "2,two\n");
        put("devices/d-3/e.csv", "3,three\n");
        put("meters/1/m.csv", "1,first meter\n");
        put("meters/2/m.csv", "2,second meter\n");
        put("meters/tmp/m.csv", "9,not a meter\n"); // no int: not a partition of an int column
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd");
        put("recent/" + today.format(f) + "/r.csv", "1,today\n");
        put("recent/" + today.minusDays(2).format(f) + "/r.csv", "2,two days ago\n");
        put("recent/" + today.minusDays(30).format(f) + "/r.csv", "3,a month ago\n");
        put("recent/" + today.plusDays(3).format(f) + "/r.csv", "4,future\n");
        put("hive/dt=2024-03-01/h.csv", "1,first\n");
        put("hive/dt=2024-03-02/h.csv", "2,second\n");
        succeed(clients.athena(), "CREATE DATABASE proj", null);
        succeed(clients.athena(), "CREATE EXTERNAL TABLE proj.daily (id int, name string) PARTITIONED BY (dt string) "
                + CSV + "LOCATION 's3://demo-data/logs/' TBLPROPERTIES ('projection.enabled'='true', "
                + "'projection.dt.type'='date', 'projection.dt.format'='yyyy/MM/dd', "
                + "'projection.dt.range'='2024/01/01,2024/01/31', 'projection.dt.interval'='1', "
                + "'projection.dt.interval.unit'='DAYS', "
                + "'storage.location.template'='s3://demo-data/logs/${dt}/')", null);
    }

    @Test
    void aDateProjectionReadsTheTemplateFoldersInsideItsRange() {
        assertThat(query("SELECT id, name, dt FROM proj.daily ORDER BY id")).containsExactly(
                List.of("id", "name", "dt"), List.of("1", "alpha", "2024/01/05"), List.of("2", "beta", "2024/01/05"),
                List.of("3", "gamma", "2024/01/06"));
        assertThat(query("SELECT count(*) FROM proj.daily WHERE dt = '2024/01/06'")).containsExactly(
                List.of("_col0"), List.of("1"));
    }

    @Test
    void anIntegerProjectionPadsToItsDigitsAndReadsTheColumnTyped() {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE proj.sharded (v int, name string) PARTITIONED BY (shard int) "
                + CSV + "LOCATION 's3://demo-data/shards/' TBLPROPERTIES ('projection.enabled'='true', "
                + "'projection.shard.type'='integer', 'projection.shard.range'='0,20', 'projection.shard.digits'='2', "
                + "'storage.location.template'='s3://demo-data/shards/${shard}')", null);
        QueryExecution q = succeed(clients.athena(), "SELECT shard, v, shard + 1 AS next FROM proj.sharded ORDER BY v",
                null);
        assertThat(rows(clients.athena(), q.queryExecutionId())).containsExactly(List.of("shard", "v", "next"),
                List.of("7", "70", "8"), List.of("12", "120", "13"));
        List<ColumnInfo> columns = clients.athena().getQueryResults(r -> r.queryExecutionId(q.queryExecutionId()))
                .resultSet().resultSetMetadata().columnInfo();
        assertThat(columns.get(0).type()).isEqualTo("integer");
        assertThat(query("SELECT v FROM proj.sharded WHERE shard > 10")).containsExactly(List.of("v"), List.of("120"));
    }

    @Test
    void anEnumProjectionReadsOnlyItsValues() {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE proj.regional (id int, name string) PARTITIONED BY "
                + "(region string) " + CSV + "LOCATION 's3://demo-data/regions/' TBLPROPERTIES ("
                + "'projection.enabled'='true', 'projection.region.type'='enum', 'projection.region.values'='eu,us,sa', "
                + "'storage.location.template'='s3://demo-data/regions/${region}/')", null);
        assertThat(query("SELECT region, name FROM proj.regional ORDER BY region")).containsExactly(
                List.of("region", "name"), List.of("eu", "eu"), List.of("us", "us"));
    }

    @Test
    void aNowRangeIsEvaluatedWhenTheQueryRuns() {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE proj.recent (id int, name string) PARTITIONED BY (day date) "
                + CSV + "LOCATION 's3://demo-data/recent/' TBLPROPERTIES ('projection.enabled'='true', "
                + "'projection.day.type'='date', 'projection.day.format'='yyyy-MM-dd', "
                + "'projection.day.range'='NOW-7DAYS,NOW', "
                + "'storage.location.template'='s3://demo-data/recent/${day}/')", null);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(query("SELECT id, day FROM proj.recent ORDER BY id")).containsExactly(List.of("id", "day"),
                List.of("1", today.toString()), List.of("2", today.minusDays(2).toString()));
        assertThat(query("SELECT typeof(day) FROM proj.recent LIMIT 1")).containsExactly(List.of("_col0"),
                List.of("date"));
    }

    @Test
    void anInjectedColumnNeedsAStaticEqualityInTheWhereClause() {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE proj.devices (id int, name string) PARTITIONED BY "
                + "(device_id string) " + CSV + "LOCATION 's3://demo-data/devices/' TBLPROPERTIES ("
                + "'projection.enabled'='true', 'projection.device_id.type'='injected', "
                + "'storage.location.template'='s3://demo-data/devices/${device_id}')", null);
        QueryExecution failed = run(clients.athena(), "SELECT count(*) FROM proj.devices", null);
        assertThat(failed.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(failed.status().stateChangeReason()).isEqualTo("CONSTRAINT_VIOLATION: For the injected projected "
                + "partition column device_id, the WHERE clause must contain only static equality conditions, and at "
                + "least one such condition must be present.");
        QueryExecution ranged = run(clients.athena(), "SELECT count(*) FROM proj.devices WHERE device_id > 'd-1'", null);
        assertThat(ranged.status().state()).isEqualTo(QueryExecutionState.FAILED);

        assertThat(query("SELECT device_id, name FROM proj.devices WHERE device_id = 'd-2'")).containsExactly(
                List.of("device_id", "name"), List.of("d-2", "two"));
        assertThat(query("SELECT name FROM proj.devices WHERE device_id IN ('d-1', 'd-3', 'd-9') AND id > 0 "
                + "ORDER BY name")).containsExactly(List.of("name"), List.of("one"), List.of("three"));
    }

    @Test
    void concurrentQueriesOfOtherInjectedValuesEachGetTheirOwnRows() throws Exception {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE proj.meters (id int, name string) PARTITIONED BY (meter int) "
                + CSV + "LOCATION 's3://demo-data/meters/' TBLPROPERTIES ('projection.enabled'='true', "
                + "'projection.meter.type'='injected', 'storage.location.template'='s3://demo-data/meters/${meter}/')",
                null);
        // The table's DuckDB view is shared by the queries running at once: its binding must not depend on the
        // values one of them injects, or a query would read the other's partition and find none of its own rows.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<List<String>>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int meter = i % 2 + 1;
                answers.add(pool.submit(() -> query("SELECT name FROM proj.meters WHERE meter = " + meter)));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).containsExactly(List.of("name"),
                        List.of(i % 2 == 0 ? "first meter" : "second meter"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(query("SELECT typeof(meter), count(*) FROM proj.meters WHERE meter IN (1, 2) GROUP BY 1"))
                .containsExactly(List.of("_col0", "_col1"), List.of("integer", "2"));
    }

    @Test
    void withoutATemplatePartitionsAreHiveFoldersAndGluePartitionsAreIgnored() {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE proj.hive (id int, name string) PARTITIONED BY (dt string) "
                + CSV + "LOCATION 's3://demo-data/hive/' TBLPROPERTIES ('projection.enabled'='true', "
                + "'projection.dt.type'='enum', 'projection.dt.values'='2024-03-02')", null);
        succeed(clients.athena(), "ALTER TABLE proj.hive ADD PARTITION (dt='2024-03-01') "
                + "LOCATION 's3://demo-data/hive/dt=2024-03-01/'", null);
        assertThat(query("SELECT dt, name FROM proj.hive")).containsExactly(List.of("dt", "name"),
                List.of("2024-03-02", "second"));
        // SHOW PARTITIONS lists what Glue has: projection registers nothing there.
        assertThat(query("SHOW PARTITIONS proj.hive")).containsExactly(List.of("dt=2024-03-01"));
    }

    @Test
    void disablingProjectionFallsBackToGluePartitions() {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE proj.toggled (id int, name string) PARTITIONED BY (dt string) "
                + CSV + "LOCATION 's3://demo-data/logs/' TBLPROPERTIES ('projection.enabled'='true', "
                + "'projection.dt.type'='date', 'projection.dt.format'='yyyy/MM/dd', "
                + "'projection.dt.range'='2024/01/01,2024/12/31', "
                + "'storage.location.template'='s3://demo-data/logs/${dt}/')", null);
        succeed(clients.athena(), "ALTER TABLE proj.toggled ADD PARTITION (dt='x') "
                + "LOCATION 's3://demo-data/logs/2024/02/01/'", null);
        assertThat(query("SELECT count(*) FROM proj.toggled")).containsExactly(List.of("_col0"), List.of("4"));
        succeed(clients.athena(), "ALTER TABLE proj.toggled SET TBLPROPERTIES ('projection.enabled'='false')", null);
        assertThat(query("SELECT id, dt FROM proj.toggled")).containsExactly(List.of("id", "dt"), List.of("4", "x"));
    }

    @Test
    void projectionEnabledByAlterTableAppliesToTheNextQuery() {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE proj.later (id int, name string) PARTITIONED BY (region string) "
                + CSV + "LOCATION 's3://demo-data/regions/'", null);
        assertThat(query("SELECT count(*) FROM proj.later")).containsExactly(List.of("_col0"), List.of("0"));
        succeed(clients.athena(), "ALTER TABLE proj.later SET TBLPROPERTIES ('projection.enabled'='true', "
                + "'projection.region.type'='enum', 'projection.region.values'='ap', "
                + "'storage.location.template'='s3://demo-data/regions/${region}/')", null);
        assertThat(query("SELECT region, name FROM proj.later")).containsExactly(List.of("region", "name"),
                List.of("ap", "ap"));
    }

    @Test
    void aMisconfiguredProjectionFailsTheQuery() {
        assertThat(failure("(dt string)", "'projection.dt.type'='date', 'projection.dt.format'='yyyy/MM/dd', "
                + "'storage.location.template'='s3://demo-data/logs/${dt}/'"))
                .isEqualTo("INVALID_TABLE_PROPERTY: Missing required table property 'projection.dt.range'");
        assertThat(failure("(dt string)", "'projection.dt.type'='date', 'projection.dt.format'='yyyy/MM/dd', "
                + "'projection.dt.range'='2024/01/01,2024/01/31', "
                + "'storage.location.template'='s3://demo-data/logs/${day}/'"))
                .startsWith("INVALID_TABLE_PROPERTY: The 'storage.location.template' table property names ${day}");
        assertThat(failure("(dt string, hr string)", "'projection.dt.type'='enum', 'projection.dt.values'='a', "
                + "'projection.hr.type'='enum', 'projection.hr.values'='1', "
                + "'storage.location.template'='s3://demo-data/logs/${dt}/'"))
                .isEqualTo("INVALID_TABLE_PROPERTY: The 'storage.location.template' table property must contain "
                        + "templates for all partition columns!");
        assertThat(failure("(dt string)", "'projection.dt.type'='date', 'projection.dt.format'='yyyy/MM/dd', "
                + "'projection.dt.range'='yesterday,NOW', 'storage.location.template'='s3://demo-data/logs/${dt}/'"))
                .startsWith("INVALID_TABLE_PROPERTY: 'projection.dt.range' bound 'yesterday'");
        assertThat(failure("(dt string)", "'storage.location.template'='s3://demo-data/logs/${dt}/'"))
                .endsWith("is configured for partition projection, but the following partition columns are missing "
                        + "projection configuration: [dt]");
        assertThat(failure("(n int)", "'projection.n.type'='integer', 'projection.n.range'='10,1'"))
                .startsWith("INVALID_TABLE_PROPERTY: 'projection.n.range' must be 'min,max'");
    }

    private static int misconfigured;

    private static String failure(String partitionedBy, String properties) {
        String name = "proj.bad" + (++misconfigured);
        succeed(clients.athena(), "CREATE EXTERNAL TABLE " + name + " (id int, name string) PARTITIONED BY "
                + partitionedBy + " " + CSV + "LOCATION 's3://demo-data/logs/' TBLPROPERTIES ('projection.enabled'='true', "
                + properties + ")", null);
        QueryExecution q = run(clients.athena(), "SELECT * FROM " + name, null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        return q.status().stateChangeReason();
    }

    private static List<List<String>> query(String sql) {
        return rows(clients.athena(), succeed(clients.athena(), sql, null).queryExecutionId());
    }

    private static void put(String key, String content) {
        clients.s3().putObject(r -> r.bucket("demo-data").key(key), RequestBody.fromString(content));
    }
}
