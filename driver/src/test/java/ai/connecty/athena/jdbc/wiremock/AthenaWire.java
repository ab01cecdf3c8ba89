package ai.connecty.athena.jdbc.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** JSON 1.1 request matchers and response bodies shaped like Athena's (wire-protocol §1.1, §2.1-2.3). */
final class AthenaWire {
    static final String ID = "0e3a7c2e-6b9f-4b2e-9a53-2b1a1f6f3c11";

    private AthenaWire() {
    }

    /**
     * A connection to the WireMock server on {@code port} with example keys and no connect-time credentials check;
     * {@code properties} ({@code Key=Value;...}) are added to the URL.
     */
    static Connection connect(int port, String properties) throws SQLException {
        return DriverManager.getConnection("jdbc:connecty-athena://ValidateCredentials=false;Region=us-east-1;"
                + "EndpointOverride=http://127.0.0.1:" + port + ";OutputLocation=s3://results/;" + properties,
                "AKIAIOSFODNN7EXAMPLE", "secret");
    }

    static MappingBuilder operation(String name) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonAthena." + name));
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-RequestId", "11111111-0000-4000-8000-000000000000").withBody(body);
    }

    static ResponseDefinitionBuilder error(String type, String message, String athenaErrorCode) {
        String code = athenaErrorCode == null ? "" : ",\"AthenaErrorCode\":\"" + athenaErrorCode + "\",\"ErrorCode\":\"" + athenaErrorCode + "\"";
        return aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-RequestId", "22222222-0000-4000-8000-000000000000")
                .withBody("{\"__type\":\"" + type + "\",\"Message\":\"" + message + "\"" + code + "}");
    }

    static String started() {
        return "{\"QueryExecutionId\":\"" + ID + "\"}";
    }

    static String execution(String state, String statementType, String substatementType) {
        return "{\"QueryExecution\":{\"QueryExecutionId\":\"" + ID + "\",\"Query\":\"q\",\"StatementType\":\"" + statementType
                + "\",\"SubstatementType\":\"" + substatementType + "\",\"Status\":{\"State\":\"" + state
                + "\",\"SubmissionDateTime\":1593469842.665},\"Statistics\":{\"EngineExecutionTimeInMillis\":3600,"
                + "\"DataScannedInBytes\":203089,\"TotalExecutionTimeInMillis\":3821,\"QueryQueueTimeInMillis\":267,"
                + "\"QueryPlanningTimeInMillis\":1175,\"ServiceProcessingTimeInMillis\":40,"
                + "\"ResultReuseInformation\":{\"ReusedPreviousResult\":false}},\"WorkGroup\":\"primary\"}}";
    }

    static String failed(String reason, int category, int type) {
        return "{\"QueryExecution\":{\"QueryExecutionId\":\"" + ID + "\",\"StatementType\":\"DML\",\"Status\":{\"State\":\"FAILED\","
                + "\"StateChangeReason\":\"" + reason + "\",\"AthenaError\":{\"ErrorCategory\":" + category + ",\"ErrorType\":" + type
                + ",\"Retryable\":false,\"ErrorMessage\":\"" + reason + "\"}}}}";
    }

    /** A column as ColumnInfo: name and Athena type. */
    static String column(String name, String type) {
        return "{\"CatalogName\":\"hive\",\"SchemaName\":\"\",\"TableName\":\"\",\"Name\":\"" + name + "\",\"Label\":\"" + name
                + "\",\"Type\":\"" + type + "\",\"Precision\":" + ("varchar".equals(type) ? 2147483647 : 10)
                + ",\"Scale\":0,\"Nullable\":\"UNKNOWN\",\"CaseSensitive\":" + "varchar".equals(type) + "}";
    }

    /** One row; a null value is sent as {} (SQL NULL), an empty string as {"VarCharValue":""}. */
    static String row(String... values) {
        List<String> data = new ArrayList<>();
        for (String value : values) {
            data.add(value == null ? "{}" : "{\"VarCharValue\":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t").replace("\n", "\\n") + "\"}");
        }
        return "{\"Data\":[" + String.join(",", data) + "]}";
    }

    static String page(List<String> columns, List<String> rows, String nextToken, Long updateCount) {
        return "{\"ResultSet\":{\"Rows\":[" + String.join(",", rows) + "],\"ResultSetMetadata\":{\"ColumnInfo\":["
                + String.join(",", columns) + "]}}"
                + (updateCount == null ? "" : ",\"UpdateCount\":" + updateCount)
                + (nextToken == null ? "" : ",\"NextToken\":\"" + nextToken + "\"") + "}";
    }
}
