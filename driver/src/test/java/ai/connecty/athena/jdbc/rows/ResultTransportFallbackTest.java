package ai.connecty.athena.jdbc.rows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.results.ColumnSpec;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.ResultConfiguration;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The choice of transport when S3 answers the first GET of the result file in a way no S3 does (a ranged answer
 * without the object's size): {@code auto} pages through GetQueryResults with a warning that says why, {@code S3}
 * refuses with the same reason. Rows are never read from a file whose size is unknown.
 */
class ResultTransportFallbackTest {
    private static final String ID = "0e3a7c2e-6b9f-4b2e-9a53-2b1a1f6f3c11";

    private WireMockServer s3Server;
    private SdkHttpClient http;
    private S3Client s3;

    @BeforeEach
    void start() {
        s3Server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        s3Server.start();
        s3Server.stubFor(get(urlPathEqualTo("/results/" + ID + ".csv")).willReturn(aResponse().withStatus(206)
                .withHeader("ETag", "\"e1\"").withHeader("Content-Range", "bytes 0-15/unknown").withBody("\"n\"\n\"1\"\n\"2\"\n\"3\"\n")));
        http = Apache5HttpClient.create();
        s3 = S3Client.builder().httpClient(http).region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + s3Server.port())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .build();
    }

    @AfterEach
    void stop() {
        s3.close();
        http.close();
        s3Server.stop();
    }

    private RowSource open(ResultFetcher fetcher, List<SQLWarning> warnings) throws SQLException {
        QueryExecution execution = QueryExecution.builder().queryExecutionId(ID)
                .resultConfiguration(ResultConfiguration.builder().outputLocation("s3://results/" + ID + ".csv").build()).build();
        // A first page with more to come, so that auto would read the rest from S3.
        GetQueryResultsResponse firstPage = GetQueryResultsResponse.builder().nextToken("more")
                .resultSet(r -> r.rows(row("n"), row("1"))).build();
        PageFetcher pages = (id, token, max) -> GetQueryResultsResponse.builder()
                .resultSet(r -> r.rows(row("2"), row("3"))).build();
        return new ResultTransport(fetcher, s3, null, 1024, 2).open(execution, firstPage, List.of(new ColumnSpec("n", "integer")),
                true, pages, new PrefetchThreads(), 1000, warnings::add);
    }

    private static Row row(String value) {
        return Row.builder().data(Datum.builder().varCharValue(value).build()).build();
    }

    @Test
    void autoFallsBackToGetQueryResultsWithAWarningThatNamesTheAnswer() throws SQLException {
        List<SQLWarning> warnings = new ArrayList<>();
        try (RowSource source = open(ResultFetcher.AUTO, warnings)) {
            assertThat(source.transport()).isEqualTo("GetQueryResults");
            List<String> values = new ArrayList<>();
            for (var row = source.next(); row != null; row = source.next()) {
                values.add(row.text(0));
            }
            assertThat(values).containsExactly("1", "2", "3");
        }
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getMessage()).contains("GetQueryResults")
                .contains("s3://results/" + ID + ".csv").contains("'bytes 0-15/unknown'").contains("no object size");
    }

    @Test
    void s3OnlyRefusesWithTheSameReason() {
        SQLException e = catchThrowableOfType(SQLException.class, () -> open(ResultFetcher.S3, new ArrayList<>()));
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("58000");
        assertThat(e.getMessage()).contains("ResultFetcher=S3 cannot read the results of query " + ID)
                .contains("'bytes 0-15/unknown'").contains("ResultFetcher=auto");
    }
}
