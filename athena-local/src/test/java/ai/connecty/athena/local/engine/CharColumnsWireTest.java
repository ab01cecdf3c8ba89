package ai.connecty.athena.local.engine;

import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.http.OwnLocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.QueryExecution;

/**
 * A Glue table's {@code char(n)} column through the real SDK, read as Trino reads a char (the rules of
 * {@code CharValues}): compared with a char regardless of trailing spaces, {@code length} n, and padded to n where it
 * becomes a varchar (a cast, {@code ||}), which changes the text of varchar result columns.
 */
class CharColumnsWireTest {

    @RegisterExtension
    static final OwnLocalAthena athena = new OwnLocalAthena();
    private static final SdkClientsExtension clients = athena.clients();

    @BeforeAll
    static void start() {
        succeed(clients.athena(), "CREATE DATABASE IF NOT EXISTS chars", null);
        succeed(clients.athena(), "CREATE EXTERNAL TABLE chars.codes (id int, code char(3)) STORED AS PARQUET "
                + "LOCATION 's3://demo-data/chars/codes/'", null);
        succeed(clients.athena(), "INSERT INTO codes VALUES (1, 'a'), (2, 'b  ')", "chars");
    }

    @Test
    void aCharColumnComparesPadsAndCountsAsTrinosChar() {
        QueryExecution q = succeed(clients.athena(), "SELECT id, code = CAST('a  ' AS char(2)), length(code), "
                + "CAST(code AS varchar) || '|', code, typeof(code) FROM codes ORDER BY id", "chars");
        List<ColumnInfo> info = clients.athena().getQueryResults(r -> r.queryExecutionId(q.queryExecutionId()))
                .resultSet().resultSetMetadata().columnInfo();
        assertThat(info).extracting(ColumnInfo::type)
                .containsExactly("integer", "boolean", "bigint", "varchar", "char", "varchar");
        assertThat(rows(clients.athena(), q.queryExecutionId())).containsExactly(
                List.of("id", "_col1", "_col2", "_col3", "code", "_col5"),
                List.of("1", "true", "3", "a  |", "a  ", "char(3)"),
                List.of("2", "false", "3", "b  |", "b  ", "char(3)"));
    }

    @Test
    void aCharColumnIsMatchedAndEncodedPadded() {
        QueryExecution q = succeed(clients.athena(), "SELECT code LIKE 'a', code LIKE 'a  ', "
                + "to_hex(CAST(code AS varbinary)) FROM codes WHERE id = 1", "chars");
        assertThat(rows(clients.athena(), q.queryExecutionId()).get(1)).containsExactly("false", "true", "612020");
    }

    @Test
    void twoCharColumnsJoinRegardlessOfTrailingSpaces() {
        QueryExecution q = succeed(clients.athena(), "SELECT count(*) FROM codes x JOIN codes y "
                + "ON x.code = CAST(rtrim(CAST(y.code AS varchar)) AS char(3))", "chars");
        assertThat(rows(clients.athena(), q.queryExecutionId()).get(1)).containsExactly("2");
    }
}
