package ai.connecty.athena.tests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.tests.plain.PlainJavaProgram;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The self-contained {@code -all} jar is all a tool puts on its class path: a plain java.sql program with that
 * one jar runs a query against Athena responses served by WireMock (so the jar's merged service files, bundled
 * SDK and HTTP client are exercised, not the build's class path).
 */
class AllJarProgramTest {

    private static final String ID = "5b1e0f4c-2d4a-4f7e-9c1b-0a8e6f3d2c11";
    private static final String JSON = "application/x-amz-json-1.1";

    @RegisterExtension
    final WireMockExtension athena = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @BeforeEach
    void start() {
        stub("StartQueryExecution", "{\"QueryExecutionId\":\"" + ID + "\"}");
        stub("GetQueryExecution", "{\"QueryExecution\":{\"QueryExecutionId\":\"" + ID + "\",\"StatementType\":\"DML\","
                + "\"SubstatementType\":\"SELECT\",\"Status\":{\"State\":\"SUCCEEDED\"}}}");
        stub("GetQueryResults", "{\"UpdateCount\":0,\"ResultSet\":{"
                + "\"Rows\":[{\"Data\":[{\"VarCharValue\":\"country\"}]},{\"Data\":[{\"VarCharValue\":\"DE\"}]},"
                + "{\"Data\":[{}]},{\"Data\":[{\"VarCharValue\":\"JP\"}]}],"
                + "\"ResultSetMetadata\":{\"ColumnInfo\":[{\"CatalogName\":\"hive\",\"SchemaName\":\"\",\"TableName\":\"\","
                + "\"Name\":\"country\",\"Label\":\"country\",\"Type\":\"varchar\",\"Precision\":2147483647,\"Scale\":0,"
                + "\"Nullable\":\"UNKNOWN\",\"CaseSensitive\":true}]}}}");
    }

    @Test
    void aProgramWithOnlyTheAllJarRunsAQuery() throws Exception {
        Path allJar = Path.of("target", "driver-all", "connecty-athena-jdbc-all.jar");
        assertThat(allJar).as("copied by maven-dependency-plugin:copy").exists();
        // WireMock serves no STS, so the connect-time credentials check is off.
        String url = "jdbc:connecty-athena://ValidateCredentials=false;EndpointOverride=http://127.0.0.1:" + athena.getPort()
                + ";Region=us-east-1;OutputLocation=s3://athena-results/all-jar/";

        DriverOnlyJvm.Outcome outcome = DriverOnlyJvm.run(allJar.toString(), List.of(), PlainJavaProgram.class, url,
                "AKIDALLJAR", "all-jar-secret", "SELECT country FROM customers");

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output().lines().toList()).containsSubsequence(List.of("DE", "null", "JP"));
        assertThat(outcome.output()).as("no host SLF4J: the bundled, relocated SLF4J stays silent")
                .doesNotContain("SLF4J");
        athena.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonAthena.StartQueryExecution"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDALLJAR/.*")));
    }

    private void stub(String operation, String body) {
        athena.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonAthena." + operation))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(body)));
    }
}
