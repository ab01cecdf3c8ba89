package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * A table name ending like a file ({@code .csv}, {@code .parquet}, a path) fails as any missing table does, and never
 * reaches DuckDB, whose replacement scan would read a file of that name from the server's disk.
 */
class FileLikeTableNamesWireTest {

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena();
    private static final SdkClientsExtension clients = athena.clients();

    @BeforeAll
    static void start() {
        succeed(clients.athena(), "CREATE DATABASE IF NOT EXISTS t1", null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SELECT * FROM \"t1\".\"x.csv\"|TABLE_NOT_FOUND|line 1:15: Table 'awsdatacatalog.t1.x.csv' does not exist",
            "SELECT * FROM \"x.parquet\"|TABLE_NOT_FOUND|line 1:15: Table 'awsdatacatalog.t1.x.parquet' does not exist",
            "SELECT * FROM \"/etc/passwd\"|TABLE_NOT_FOUND|line 1:15: Table 'awsdatacatalog.t1./etc/passwd' does not exist",
            "SELECT * FROM nosuchdb.\"t.json\"|SCHEMA_NOT_FOUND|line 1:15: Schema 'nosuchdb' does not exist",
            "SELECT * FROM nosuchdb.t.parquet|CATALOG_NOT_FOUND|line 1:15: Catalog 'nosuchdb' does not exist",
            "SELECT * FROM t1.nosuch.csv|CATALOG_NOT_FOUND|line 1:15: Catalog 't1' does not exist",
            "SELECT 1 FROM (SELECT 1) s JOIN \"data.csv.gz\" d ON true|TABLE_NOT_FOUND|"
                    + "line 1:33: Table 'awsdatacatalog.t1.data.csv.gz' does not exist",
    })
    void aFileLikeNameIsAMissingTable(String sql, String error, String message) {
        QueryExecution q = run(clients.athena(), sql, "t1");
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).isEqualTo(error + ": " + message);
    }

    @Test
    void theSameNamesWithoutAFileExtensionFailAlike() {
        assertThat(run(clients.athena(), "SELECT * FROM \"t1\".\"x\"", "t1").status().stateChangeReason())
                .isEqualTo("TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.t1.x' does not exist");
        assertThat(run(clients.athena(), "SELECT * FROM nosuchdb.t.x", "t1").status().stateChangeReason())
                .isEqualTo("CATALOG_NOT_FOUND: line 1:15: Catalog 'nosuchdb' does not exist");
        assertThat(run(clients.athena(), "SELECT * FROM nosuchdb.t", "t1").status().stateChangeReason())
                .isEqualTo("SCHEMA_NOT_FOUND: line 1:15: Schema 'nosuchdb' does not exist");
    }

    @Test
    void aTableOrCteWithAFileLikeNameIsReadAsUsual() {
        succeed(clients.athena(), "CREATE EXTERNAL TABLE \"t.csv\" (id int) STORED AS PARQUET "
                + "LOCATION 's3://demo-data/t1/tcsv/'", "t1");
        succeed(clients.athena(), "INSERT INTO \"t.csv\" VALUES (7)", "t1");
        QueryExecution q = succeed(clients.athena(), "SELECT id FROM t1.\"t.csv\"", "t1");
        assertThat(rows(clients.athena(), q.queryExecutionId()).get(1)).isEqualTo(List.of("7"));
        q = succeed(clients.athena(), "WITH \"a.csv\" AS (SELECT 1 AS x) SELECT x FROM \"a.csv\"", "t1");
        assertThat(rows(clients.athena(), q.queryExecutionId()).get(1)).isEqualTo(List.of("1"));
    }

    @Test
    void aStringInPlaceOfATableIsASyntaxError() {
        // Trino's grammar takes no string as a relation: StartQueryExecution refuses it as Athena does.
        assertThatThrownBy(() -> run(clients.athena(), "SELECT * FROM 'x.csv'", "t1"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("line 1:15: mismatched input ''x.csv''. Expecting: ");
    }
}
