package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.s3.S3Client;

/** Result files carry the Content-Type Athena gives them (measured-behaviour §4.2): never a text type. */
@ExtendWith(LocalAthenaExtension.class)
class ResultContentTypeWireTest {

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SELECT 1                                             | csv | binary/octet-stream      | true",
            "SELECT 1 + 1                                         | csv | application/octet-stream | true",
            "SELECT customer_id FROM demo.sales_by_customer       | csv | application/octet-stream | true",
            "SHOW DATABASES                                       | txt | binary/octet-stream      | true",
            "SHOW TABLES IN demo                                  | txt | binary/octet-stream      | true",
            "DESCRIBE demo.customers                              | txt | application/octet-stream | true",
            "DESCRIBE demo.sales_by_customer                      | txt | binary/octet-stream      | true",
            "CREATE DATABASE IF NOT EXISTS content_types          | txt | binary/octet-stream      | false",
            "EXPLAIN SELECT 1                                     | txt | application/octet-stream | true",
    })
    void resultFilesHaveAthenasContentType(String sql, String extension, String type, boolean metadata) {
        QueryExecution q = succeed(clients.athena(), sql, null);
        String key = q.queryExecutionId() + "." + extension;
        assertThat(clients.s3().headObject(r -> r.bucket("athena-results").key(key)).contentType()).isEqualTo(type);
        if (metadata) {
            assertThat(clients.s3().headObject(r -> r.bucket("athena-results").key(key + ".metadata")).contentType())
                    .isEqualTo(type);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"DROP TABLE demo.no_such_table", "CREATE DATABASE demo"})
    void aFailedHiveStatementsTextIsApplicationOctetStream(String sql) {
        QueryExecution q = run(clients.athena(), sql, null);
        assertThat(clients.s3().headObject(r -> r.bucket("athena-results").key(q.queryExecutionId() + ".txt"))
                .contentType())
                .isEqualTo("application/octet-stream");
    }
}
