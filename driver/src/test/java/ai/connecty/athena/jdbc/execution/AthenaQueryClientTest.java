package ai.connecty.athena.jdbc.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionResponse;

/** The requests {@link AthenaQueryClient} sends and how it reads answers that are not Athena's. */
class AthenaQueryClientTest {
    private final ProgrammableAthena athena = new ProgrammableAthena();

    private AthenaQueryClient client(QuerySettings settings) {
        return new AthenaQueryClient(athena, settings);
    }

    private static Optional<Duration> attemptLimit(AwsRequest request) {
        return request.overrideConfiguration().flatMap(c -> c.apiCallAttemptTimeout());
    }

    private static Optional<Duration> callLimit(AwsRequest request) {
        return request.overrideConfiguration().flatMap(c -> c.apiCallTimeout());
    }

    @Test
    void executionParametersAreSentInOrderAndNoneAsNoList() throws SQLException {
        AthenaQueryClient client = client(QuerySettings.builder().build());
        QueryRequest plain = QueryRequest.of("SELECT 1", "c", "d", 0, 0);

        client.start(plain.withExecutionParameters(List.of("'a'", "2")), "token-1");
        client.start(plain, "token-2");

        StartQueryExecutionRequest withParameters = athena.starts.get(0);
        assertThat(withParameters.executionParameters()).containsExactly("'a'", "2");
        assertThat(withParameters.clientRequestToken()).isEqualTo("token-1");
        assertThat(athena.starts.get(1).hasExecutionParameters()).isFalse();
        assertThat(athena.starts.get(1).clientRequestToken()).isEqualTo("token-2");
    }

    @Test
    void theDefaultsAreThePrimaryWorkgroupAndNoResultOptions() throws SQLException {
        client(QuerySettings.builder().build()).start(QueryRequest.of("SELECT 1", "AwsDataCatalog", "default", 0, 0), "t");

        StartQueryExecutionRequest request = athena.starts.get(0);
        assertThat(request.workGroup()).isEqualTo("primary");
        assertThat(request.resultConfiguration().outputLocation()).isNull();
        assertThat(request.resultConfiguration().encryptionConfiguration()).isNull();
        assertThat(request.resultConfiguration().expectedBucketOwner()).isNull();
        assertThat(request.resultConfiguration().aclConfiguration()).isNull();
        assertThat(request.resultReuseConfiguration()).isNull();
        assertThat(request.overrideConfiguration()).isEmpty();
    }

    @Test
    void encryptionWithoutAKeySendsNoKey() throws SQLException {
        client(QuerySettings.builder().encryption("SSE_S3", null).build())
                .start(QueryRequest.of("SELECT 1", "c", "d", 0, 0), "t");

        assertThat(athena.starts.get(0).resultConfiguration().encryptionConfiguration().encryptionOptionAsString())
                .isEqualTo("SSE_S3");
        assertThat(athena.starts.get(0).resultConfiguration().encryptionConfiguration().kmsKey()).isNull();
    }

    @Test
    void aStartAnsweredWithoutAnIdIsAnEndpointFault() {
        for (String id : new String[] {null, ""}) {
            athena.onStart = r -> StartQueryExecutionResponse.builder().queryExecutionId(id).build();

            SQLException e = catchThrowableOfType(() -> client(QuerySettings.builder().build())
                    .start(QueryRequest.of("SELECT 1", "c", "d", 0, 0), "t"), SQLException.class);

            assertThat(e.getSQLState()).as(String.valueOf(id)).isEqualTo("58000");
            assertThat((Throwable) e).hasMessageContaining("returned no QueryExecutionId");
        }
    }

    @Test
    void anExecutionAnsweredWithoutAStateIsAnEndpointFault() {
        List<GetQueryExecutionResponse> answers = List.of(GetQueryExecutionResponse.builder().build(),
                GetQueryExecutionResponse.builder().queryExecution(QueryExecution.builder().build()).build(),
                GetQueryExecutionResponse.builder().queryExecution(QueryExecution.builder()
                        .status(QueryExecutionStatus.builder().build()).build()).build());
        for (GetQueryExecutionResponse answer : answers) {
            athena.onPoll = r -> answer;

            SQLException e = catchThrowableOfType(() -> client(QuerySettings.builder().build()).getExecution("q"),
                    SQLException.class);

            assertThat(e.getSQLState()).isEqualTo("58000");
            assertThat((Throwable) e).hasMessageContaining("returned no status");
        }
    }

    @Test
    void theNetworkTimeoutLimitsEachAttemptOfEveryCall() throws SQLException {
        AthenaQueryClient plain = client(QuerySettings.builder().build());
        AthenaQueryClient limited = plain.withNetworkTimeout(1500);

        limited.start(QueryRequest.of("SELECT 1", "c", "d", 0, 0), "t");
        QueryExecution execution = limited.getExecution("q");
        limited.fetchPage("q", "next", 10);
        limited.fetchPage("q", null, 10, 700);
        limited.stop("q");

        assertThat(execution.queryExecutionId()).isEqualTo(ProgrammableAthena.ID);
        assertThat(plain.withNetworkTimeout(0)).isSameAs(plain);
        assertThat(limited.networkTimeoutMillis()).isEqualTo(1500);
        assertThat(attemptLimit(athena.starts.get(0))).contains(Duration.ofMillis(1500));
        assertThat(attemptLimit(athena.polls.get(0))).contains(Duration.ofMillis(1500));
        assertThat(athena.pages).extracting(AthenaQueryClientTest::attemptLimit)
                .containsOnly(Optional.of(Duration.ofMillis(1500)));
        assertThat(athena.pages).extracting(AthenaQueryClientTest::callLimit)
                .containsExactly(Optional.empty(), Optional.of(Duration.ofMillis(700)));
        assertThat(athena.pages.get(0).nextToken()).isEqualTo("next");
        assertThat(athena.pages.get(0).maxResults()).isEqualTo(10);
        assertThat(attemptLimit(athena.stops.get(0))).contains(Duration.ofMillis(1500));
        assertThat(athena.stops.get(0).queryExecutionId()).isEqualTo("q");
    }

    @Test
    void aCallCutOffByItsLimitIsATimeoutAndWithoutOneAFailure() {
        athena.onPoll = r -> {
            throw ApiCallTimeoutException.create(5);
        };
        athena.onPage = r -> {
            throw ApiCallTimeoutException.create(5);
        };
        AthenaQueryClient client = client(QuerySettings.builder().build());

        SQLException limitedPoll = catchThrowableOfType(() -> client.getExecution("q", 5), SQLException.class);
        SQLException unlimitedPoll = catchThrowableOfType(() -> client.getExecution("q"), SQLException.class);
        SQLException limitedPage = catchThrowableOfType(() -> client.fetchPage("q", null, 10, 5), SQLException.class);
        SQLException unlimitedPage = catchThrowableOfType(() -> client.fetchPage("q", null, 10), SQLException.class);

        assertThat((Throwable) limitedPoll).isInstanceOf(SQLTimeoutException.class).hasMessageContaining("within the 5 ms left");
        assertThat((Throwable) limitedPage).isInstanceOf(SQLTimeoutException.class).hasMessageContaining("GetQueryResults");
        assertThat((Throwable) unlimitedPoll).isNotInstanceOf(SQLTimeoutException.class);
        assertThat((Throwable) unlimitedPage).isNotInstanceOf(SQLTimeoutException.class);
        assertThat(unlimitedPoll.getSQLState()).isEqualTo("58030");
    }
}
