package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Trino's hidden columns through the real SDK: {@code "$path"} is the S3 URI of the object a row came from,
 * {@code "$file_size"} its size, {@code "$partition"} the Hive partition name; none of them is listed by {@code *}
 * or DESCRIBE, and an Iceberg table's {@code "$path"} is one of its data files.
 */
class HiddenColumnsWireTest {

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena();
    private static final SdkClientsExtension clients = athena.clients();

    @BeforeAll
    static void start() {
        succeed(clients.athena(), "CREATE DATABASE IF NOT EXISTS hid", null);
        succeed(clients.athena(), "CREATE EXTERNAL TABLE parts (id int, name string) PARTITIONED BY (dt string) "
                + "ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://demo-data/hid/parts/'", "hid");
        put("hid/parts/dt=2024-01-01/part-1.csv", "1,a\n2,b\n");
        put("hid/parts/dt=2024-01-02/part-2.csv", "3,c\n");
        succeed(clients.athena(), "MSCK REPAIR TABLE parts", "hid");
        succeed(clients.athena(), "CREATE EXTERNAL TABLE ocsv (id string, name string) ROW FORMAT SERDE "
                + "'org.apache.hadoop.hive.serde2.OpenCSVSerde' LOCATION 's3://demo-data/hid/ocsv/'", "hid");
        put("hid/ocsv/one.csv", "\"1\",\"a\"\n");
        put("hid/ocsv/two.csv", "\"2\",\"b\"\n\"3\",\"c\"\n");
        succeed(clients.athena(), "CREATE EXTERNAL TABLE esc (id int, name string) ROW FORMAT DELIMITED FIELDS "
                + "TERMINATED BY ',' ESCAPED BY '\\\\' LOCATION 's3://demo-data/hid/esc/'", "hid");
        put("hid/esc/one.txt", "1,a\\,b\n");
        put("hid/esc/two.txt", "2,b\n3,c\n");
        succeed(clients.athena(), "CREATE EXTERNAL TABLE js (id int, name string) ROW FORMAT SERDE "
                + "'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://demo-data/hid/js/'", "hid");
        put("hid/js/one.json", "{\"id\": 1, \"name\": \"a\"}\n");
        put("hid/js/two.json", "{\"id\": 2, \"name\": \"b\"}\n{\"id\": 3, \"name\": \"c\"}\n");
        succeed(clients.athena(), "CREATE EXTERNAL TABLE pq (id int, name string) STORED AS PARQUET "
                + "LOCATION 's3://demo-data/hid/pq/'", "hid");
        succeed(clients.athena(), "INSERT INTO pq VALUES (1, 'a'), (2, 'b')", "hid");
        succeed(clients.athena(), "INSERT INTO pq VALUES (3, 'c')", "hid");
    }

    private static void put(String key, String content) {
        clients.s3().putObject(r -> r.bucket("demo-data").key(key), RequestBody.fromString(content));
    }

    private static List<List<String>> query(String sql) {
        QueryExecution q = succeed(clients.athena(), sql, "hid");
        List<List<String>> rows = rows(clients.athena(), q.queryExecutionId());
        return rows.subList(1, rows.size());
    }

    private static Map<String, Long> objects(String prefix) {
        return clients.s3().listObjectsV2(r -> r.bucket("demo-data").prefix(prefix)).contents().stream()
                .collect(Collectors.toMap(o -> "s3://demo-data/" + o.key(), S3Object::size));
    }

    @Test
    void pathIsTheS3UriOfEachObject() {
        for (String table : List.of("parts", "ocsv", "esc", "js", "pq")) {
            Map<String, Long> objects = objects("hid/" + table + "/");
            assertThat(objects).hasSize(2);
            List<List<String>> rows = query("SELECT DISTINCT \"$path\", \"$file_size\" FROM " + table);
            assertThat(rows).hasSize(2);
            for (List<String> row : rows) {
                assertThat(objects).containsEntry(row.get(0), Long.parseLong(row.get(1)));
            }
            assertThat(query("SELECT count(DISTINCT \"$path\") FROM " + table)).containsExactly(List.of("2"));
        }
    }

    @Test
    void fileModifiedTimeIsATimestampWithTimeZone() {
        QueryExecution q = succeed(clients.athena(), "SELECT \"$file_modified_time\" FROM esc WHERE id = 1", "hid");
        var result = clients.athena().getQueryResults(r -> r.queryExecutionId(q.queryExecutionId()));
        assertThat(result.resultSet().resultSetMetadata().columnInfo().get(0).type())
                .isEqualTo("timestamp with time zone");
        assertThat(result.resultSet().rows().get(1).data().get(0).varCharValue())
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} UTC");
        assertThat(query("SELECT name FROM esc WHERE \"$path\" LIKE '%one.txt'")).containsExactly(List.of("a,b"));
    }

    @Test
    void partitionIsTheHivePartitionName() {
        assertThat(query("SELECT id, \"$partition\", \"$path\" FROM parts ORDER BY id")).containsExactly(
                List.of("1", "dt=2024-01-01", "s3://demo-data/hid/parts/dt=2024-01-01/part-1.csv"),
                List.of("2", "dt=2024-01-01", "s3://demo-data/hid/parts/dt=2024-01-01/part-1.csv"),
                List.of("3", "dt=2024-01-02", "s3://demo-data/hid/parts/dt=2024-01-02/part-2.csv"));
        // an unpartitioned table has no $partition, as in Trino's Hive connector
        QueryExecution q = run(clients.athena(), "SELECT \"$partition\" FROM pq", "hid");
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).contains("COLUMN_NOT_FOUND");        // nor can the view that has them be named
        q = run(clients.athena(), "SELECT * FROM \"parts$hidden_columns\"", "hid");
        assertThat(q.status().stateChangeReason()).contains("TABLE_NOT_FOUND");
        // nor has an unbucketed table $bucket (Trino's Hive connector adds it for bucketed tables only)
        q = run(clients.athena(), "SELECT \"$bucket\" FROM pq", "hid");
        assertThat(q.status().stateChangeReason())
                .isEqualTo("COLUMN_NOT_FOUND: line 1:8: Column '$bucket' cannot be resolved");
    }

    @Test
    void hiddenColumnsFilterGroupAndJoin() {
        assertThat(query("SELECT id FROM parts WHERE \"$path\" LIKE '%part-1%' ORDER BY id"))
                .containsExactly(List.of("1"), List.of("2"));
        assertThat(query("SELECT \"$partition\", count(*) FROM parts GROUP BY \"$partition\" ORDER BY 1"))
                .containsExactly(List.of("dt=2024-01-01", "2"), List.of("dt=2024-01-02", "1"));
        assertThat(query("SELECT t.id, t.\"$file_modified_time\" IS NOT NULL FROM parts AS t "
                + "JOIN ocsv o ON CAST(o.id AS integer) = t.id WHERE o.\"$path\" LIKE '%two.csv' ORDER BY 1"))
                .containsExactly(List.of("2", "true"), List.of("3", "true"));
    }

    @Test
    void starAndDescribeDoNotShowThem() {
        QueryExecution q = succeed(clients.athena(), "SELECT *, \"$path\" FROM parts WHERE id = 3", "hid");
        assertThat(rows(clients.athena(), q.queryExecutionId())).containsExactly(
                List.of("id", "name", "dt", "$path"),
                List.of("3", "c", "2024-01-02", "s3://demo-data/hid/parts/dt=2024-01-02/part-2.csv"));
        q = succeed(clients.athena(), "SELECT * FROM parts WHERE id = 3", "hid");
        assertThat(rows(clients.athena(), q.queryExecutionId()).get(0)).containsExactly("id", "name", "dt");
        q = succeed(clients.athena(), "SELECT p.* FROM parts p WHERE p.\"$path\" LIKE '%part-2%'", "hid");
        assertThat(rows(clients.athena(), q.queryExecutionId())).containsExactly(
                List.of("id", "name", "dt"), List.of("3", "c", "2024-01-02"));
        String described = query("DESCRIBE parts").stream().map(r -> String.join("|", r))
                .collect(Collectors.joining("\n"));
        assertThat(described).doesNotContain("$");
        assertThat(query("SELECT column_name FROM information_schema.columns WHERE table_schema = 'hid' "
                + "AND table_name = 'parts'")).doesNotContain(List.of("$path"));
    }

    @Test
    void unquotedPathIsASyntaxError() {
        // Athena refuses it when the query is started, as any syntax error
        assertThatThrownBy(() -> run(clients.athena(), "SELECT $path FROM parts", "hid"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("line 1:8: mismatched input '$'");
    }

    @Test
    void ctasAndViewsKeepThePath() {
        succeed(clients.athena(), "CREATE TABLE paths WITH (format = 'PARQUET') AS "
                + "SELECT id, \"$path\" AS source FROM pq", "hid");
        assertThat(query("SELECT data_type FROM information_schema.columns WHERE table_schema = 'hid' "
                + "AND table_name = 'paths' AND column_name = 'source'")).containsExactly(List.of("varchar"));
        assertThat(query("SELECT count(DISTINCT source) FROM paths")).containsExactly(List.of("2"));
        succeed(clients.athena(), "CREATE VIEW where_from AS SELECT id, \"$path\" AS source FROM parts", "hid");
        assertThat(query("SELECT source FROM where_from WHERE id = 3"))
                .containsExactly(List.of("s3://demo-data/hid/parts/dt=2024-01-02/part-2.csv"));
    }

    @Test
    void icebergPathIsOneOfItsDataFiles() {
        succeed(clients.athena(), "CREATE TABLE ice (id int) LOCATION 's3://demo-data/hid/ice/' "
                + "TBLPROPERTIES ('table_type'='ICEBERG', 'format'='parquet')", "hid");
        succeed(clients.athena(), "INSERT INTO ice VALUES (1), (2)", "hid");
        List<List<String>> rows = query("SELECT DISTINCT \"$path\" FROM ice");
        assertThat(rows).hasSize(1);
        assertThat(objects("hid/ice/data/")).containsKey(rows.get(0).get(0));
        assertThat(query("SELECT * FROM ice WHERE \"$file_modified_time\" IS NOT NULL ORDER BY id"))
                .containsExactly(List.of("1"), List.of("2"));
    }

    /**
     * A data file the table's metadata records as {@code s3a://} or {@code s3n://} (as Hadoop's S3 file systems
     * write them) is read from its bucket and key like an {@code s3://} one, and {@code "$path"} shows it as
     * recorded, as Trino's Iceberg connector shows the manifest's path; {@code "$files"} too.
     */
    @Test
    void icebergPathKeepsTheSchemeItsMetadataRecords() {
        for (String scheme : List.of("s3a", "s3n")) {
            String table = "ice_" + scheme;
            String data = "s3://demo-data/hid/" + table + "/data/";
            succeed(clients.athena(), "CREATE TABLE " + table + " (id int) LOCATION 's3://demo-data/hid/" + table
                    + "/' TBLPROPERTIES ('table_type'='ICEBERG', 'format'='parquet')", "hid");
            succeed(clients.athena(), "INSERT INTO " + table + " VALUES (1), (2)", "hid");
            String first = query("SELECT snapshot_id FROM \"" + table + "$snapshots\"").get(0).get(0);
            String written = objects("hid/" + table + "/data/").keySet().iterator().next();
            String recorded = scheme + written.substring("s3".length());
            String metadata = clients.glue().getTable(r -> r.databaseName("hid").name(table)).table().parameters()
                    .get("metadata_location");
            String key = metadata.substring("s3://demo-data/".length());
            String json = clients.s3().getObjectAsBytes(r -> r.bucket("demo-data").key(key)).asUtf8String();
            assertThat(json).contains(data);
            put(key, json.replace(data, scheme + data.substring("s3".length())));

            assertThat(query("SELECT id, \"$path\" FROM " + table + " ORDER BY id"))
                    .containsExactly(List.of("1", recorded), List.of("2", recorded));
            assertThat(query("SELECT DISTINCT \"$path\" FROM " + table + " FOR VERSION AS OF " + first))
                    .containsExactly(List.of(recorded));
            assertThat(query("SELECT file_path, record_count FROM \"" + table + "$files\""))
                    .containsExactly(List.of(recorded, "2"));
            // an INSERT after keeps the recorded file and adds its own as s3://
            succeed(clients.athena(), "INSERT INTO " + table + " VALUES (3)", "hid");
            List<List<String>> rows = query("SELECT id, \"$path\" FROM " + table + " ORDER BY id");
            assertThat(rows).hasSize(3);
            assertThat(rows.subList(0, 2)).containsExactly(List.of("1", recorded), List.of("2", recorded));
            assertThat(rows.get(2).get(1)).startsWith(data);
            // a DELETE reads the recorded file too and rewrites what is left of it
            succeed(clients.athena(), "DELETE FROM " + table + " WHERE id = 1", "hid");
            assertThat(query("SELECT id FROM " + table + " ORDER BY id")).containsExactly(List.of("2"), List.of("3"));
        }
    }

    @Test
    void icebergTimeTravelHasTheHiddenColumnsOfThatSnapshotsFiles() {
        succeed(clients.athena(), "CREATE TABLE icetravel (id int) LOCATION 's3://demo-data/hid/icetravel/' "
                + "TBLPROPERTIES ('table_type'='ICEBERG', 'format'='parquet')", "hid");
        succeed(clients.athena(), "INSERT INTO icetravel VALUES (1)", "hid");
        String first = query("SELECT snapshot_id FROM \"icetravel$snapshots\"").get(0).get(0);
        Map<String, Long> firstFiles = objects("hid/icetravel/data/");
        assertThat(firstFiles).hasSize(1);
        succeed(clients.athena(), "INSERT INTO icetravel VALUES (2)", "hid");
        // the first snapshot's only row comes from the only file written then
        assertThat(query("SELECT id, \"$path\" FROM icetravel FOR VERSION AS OF " + first))
                .containsExactly(List.of("1", firstFiles.keySet().iterator().next()));
        assertThat(query("SELECT count(DISTINCT \"$path\"), count(\"$file_modified_time\") FROM icetravel "
                + "FOR TIMESTAMP AS OF current_timestamp")).containsExactly(List.of("2", "2"));
        // * still lists the table's own columns only
        QueryExecution q = succeed(clients.athena(), "SELECT *, t.\"$path\" FROM icetravel FOR VERSION AS OF "
                + first + " AS t", "hid");
        assertThat(rows(clients.athena(), q.queryExecutionId()).get(0)).containsExactly("id", "$path");
        // the Iceberg connector has no $file_size, also not in a snapshot
        q = run(clients.athena(), "SELECT \"$file_size\" FROM icetravel FOR VERSION AS OF " + first, "hid");
        assertThat(q.status().stateChangeReason()).contains("COLUMN_NOT_FOUND");
    }

    @Test
    void hiddenColumnsQualifiedWithTheSchemaResolveAsAnyColumn() {
        String path = "s3://demo-data/hid/parts/dt=2024-01-02/part-2.csv";
        assertThat(query("SELECT hid.parts.\"$path\", hid.parts.id FROM hid.parts WHERE hid.parts.id = 3"))
                .containsExactly(List.of(path, "3"));
        assertThat(query("SELECT awsdatacatalog.hid.parts.\"$partition\" FROM awsdatacatalog.hid.parts "
                + "WHERE id = 3")).containsExactly(List.of("dt=2024-01-02"));
        assertThat(query("SELECT \"hid\".\"parts\".\"$path\" FROM \"hid\".\"parts\" WHERE id = 3"))
                .containsExactly(List.of(path));
        assertThat(query("SELECT count(*) FROM hid.parts WHERE hid.parts.\"$partition\" = 'dt=2024-01-01'"))
                .containsExactly(List.of("2"));
        // as in Trino, a qualifier must be a suffix of the name the table is written with
        QueryExecution q = run(clients.athena(), "SELECT hid.parts.\"$path\" FROM parts", "hid");
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
    }
}
