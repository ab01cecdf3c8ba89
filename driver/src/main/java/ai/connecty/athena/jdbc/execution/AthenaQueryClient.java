package ai.connecty.athena.jdbc.execution;

import ai.connecty.athena.jdbc.aws.AttemptTimeout;
import ai.connecty.athena.jdbc.aws.AwsClients;
import ai.connecty.athena.jdbc.errors.ErrorTranslator;
import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.rows.ResultTransport;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AclConfiguration;
import software.amazon.awssdk.services.athena.model.EncryptionConfiguration;
import software.amazon.awssdk.services.athena.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionContext;
import software.amazon.awssdk.services.athena.model.ResultConfiguration;
import software.amazon.awssdk.services.athena.model.ResultReuseByAgeConfiguration;
import software.amazon.awssdk.services.athena.model.ResultReuseConfiguration;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Athena query API as the driver uses it: start, look at, page through and stop one query execution.
 * It knows nothing of java.sql beyond turning SDK failures into SQLExceptions, so the facade stays thin and
 * this can be tested against any Athena-shaped endpoint.
 */
public final class AthenaQueryClient {
    /** For clients whose SDK client nobody closes under a call (tests, benchmarks). */
    private static final Supplier<AwsClients.Hold> NO_HOLD = () -> () -> { };
    private static final Logger LOG = LoggerFactory.getLogger(AthenaQueryClient.class);

    private final AthenaClient athena;
    private final QuerySettings settings;
    private final ResultTransport transport;
    private final int networkTimeoutMillis;
    /** Put on every request; null leaves the SDK client's own timeouts. */
    private final AwsRequestOverrideConfiguration requestTimeouts;
    private final Supplier<AwsClients.Hold> holds;

    /** A client that reads every result through GetQueryResults. */
    public AthenaQueryClient(AthenaClient athena, QuerySettings settings) {
        this(athena, settings, ResultTransport.apiOnly(), 0, NO_HOLD);
    }

    /** A client that reads results as {@code settings.resultFetcher()} says, from S3 through {@code s3}. */
    public AthenaQueryClient(AthenaClient athena, S3Client s3, QuerySettings settings) {
        this(athena, settings, new ResultTransport(settings.resultFetcher(), s3, settings.encryptionOption().orElse(null),
                ResultTransport.DEFAULT_PART_SIZE, settings.s3ReadAheadParts()), 0, NO_HOLD);
    }

    /**
     * As {@link #AthenaQueryClient(AthenaClient, S3Client, QuerySettings)}, asking {@code s3} for the S3 client when
     * a result is first read from S3: a connection builds that client then, not when it opens.
     */
    public AthenaQueryClient(AthenaClient athena, Supplier<S3Client> s3, QuerySettings settings) {
        this(athena, settings, new ResultTransport(settings.resultFetcher(), s3, settings.encryptionOption().orElse(null),
                ResultTransport.DEFAULT_PART_SIZE, settings.s3ReadAheadParts()), 0, NO_HOLD);
    }

    /** A client that reads results through {@code transport} (for tests and benchmarks that size its budget). */
    public AthenaQueryClient(AthenaClient athena, QuerySettings settings, ResultTransport transport) {
        this(athena, settings, transport, 0, NO_HOLD);
    }

    private AthenaQueryClient(AthenaClient athena, QuerySettings settings, ResultTransport transport,
                              int networkTimeoutMillis, Supplier<AwsClients.Hold> holds) {
        this.athena = athena;
        this.settings = settings;
        this.transport = transport;
        this.networkTimeoutMillis = networkTimeoutMillis;
        this.requestTimeouts = AttemptTimeout.of(networkTimeoutMillis);
        this.holds = holds;
    }

    /** This client, keeping {@code clients} (the ones it calls through) open over each {@link #holdOpen()}. */
    public AthenaQueryClient holdingOpen(AwsClients clients) {
        return holdingOpen(clients::holdOpen);
    }

    /**
     * This client, taking each {@link #holdOpen()} from {@code holds}: {@link AwsClients#holdOpen()} in a connection,
     * a test's own where it plays a connection closing at the moment the hold is taken.
     */
    public AthenaQueryClient holdingOpen(Supplier<AwsClients.Hold> holds) {
        return new AthenaQueryClient(athena, settings, transport, networkTimeoutMillis, holds);
    }

    /**
     * Keeps this client's HTTP client open until the hold is closed, even if the connection closes meanwhile: for
     * a StartQueryExecution and the stop of the query it started (see {@link AwsClients#holdOpen()}).
     */
    public AwsClients.Hold holdOpen() {
        return holds.get();
    }

    /**
     * This client with each HTTP attempt of each request limited to {@code millis} (Connection.setNetworkTimeout);
     * 0 for the SDK client's own timeouts. A request that runs out is retried like a network error, then fails
     * with SQLState 58030.
     */
    public AthenaQueryClient withNetworkTimeout(int millis) {
        return millis == networkTimeoutMillis ? this
                : new AthenaQueryClient(athena, settings, transport, millis, holds);
    }

    /** Each request's attempt limit (Connection.setNetworkTimeout as this client was made); 0 for none. */
    public int networkTimeoutMillis() {
        return networkTimeoutMillis;
    }

    public QuerySettings settings() {
        return settings;
    }

    /** How the rows of this client's queries are read. */
    public ResultTransport resultTransport() {
        return transport;
    }

    /**
     * Submits a query. {@code clientRequestToken} must be generated once per statement execution: the SDK
     * resends it on retries, and Athena then answers with the first submission's id instead of running the
     * query again.
     */
    public String start(QueryRequest query, String clientRequestToken) throws SQLException {
        StartQueryExecutionRequest request = StartQueryExecutionRequest.builder()
                .queryString(query.sql())
                .clientRequestToken(clientRequestToken)
                .workGroup(settings.workGroup())
                .queryExecutionContext(QueryExecutionContext.builder()
                        .catalog(query.catalog()).database(query.database()).build())
                // Athena refuses an empty list on statements without placeholders: send none rather than [].
                .executionParameters(query.executionParameters().isEmpty() ? null : query.executionParameters())
                .resultConfiguration(resultConfiguration())
                .resultReuseConfiguration(resultReuseConfiguration())
                .overrideConfiguration(requestTimeouts)
                .build();
        try {
            String id = athena.startQueryExecution(request).queryExecutionId();
            if (id == null || id.isEmpty()) {
                throw new SQLException("StartQueryExecution returned no QueryExecutionId: the endpoint does not answer"
                        + " as Athena does; check AthenaEndpoint/EndpointOverride", SqlState.SYSTEM_ERROR);
            }
            LOG.debug("Started query {} in workgroup {}", id, settings.workGroup());
            return id;
        } catch (RuntimeException e) {
            throw ErrorTranslator.fromStart(clientRequestToken, e);
        }
    }

    private ResultConfiguration resultConfiguration() {
        ResultConfiguration.Builder result = ResultConfiguration.builder();
        settings.outputLocation().ifPresent(result::outputLocation);
        settings.encryptionOption().ifPresent(option -> result.encryptionConfiguration(
                EncryptionConfiguration.builder().encryptionOption(option).kmsKey(settings.kmsKey().orElse(null)).build()));
        settings.expectedBucketOwner().ifPresent(result::expectedBucketOwner);
        settings.aclOption().ifPresent(acl -> result.aclConfiguration(AclConfiguration.builder().s3AclOption(acl).build()));
        return result.build();
    }

    private ResultReuseConfiguration resultReuseConfiguration() {
        if (!settings.resultReuseEnabled()) {
            return null;
        }
        return ResultReuseConfiguration.builder()
                .resultReuseByAgeConfiguration(ResultReuseByAgeConfiguration.builder()
                        .enabled(true).maxAgeInMinutes(settings.resultReuseMaxAgeMinutes()).build())
                .build();
    }

    /** The execution, always with a state: without one the driver could neither finish nor stop polling. */
    public QueryExecution getExecution(String queryExecutionId) throws SQLException {
        return getExecution(queryExecutionId, 0);
    }

    /**
     * {@link #getExecution(String)} with the whole call (retries included) limited to {@code callLimitMillis}, what
     * is left of the query timeout; 0 for no limit.
     *
     * @throws SQLTimeoutException when the call did not answer within that limit
     */
    public QueryExecution getExecution(String queryExecutionId, long callLimitMillis) throws SQLException {
        QueryExecution execution;
        AwsRequestOverrideConfiguration timeouts = AttemptTimeout.withCallLimit(requestTimeouts, callLimitMillis);
        try {
            execution = athena.getQueryExecution(r -> r.queryExecutionId(queryExecutionId).overrideConfiguration(timeouts))
                    .queryExecution();
        } catch (ApiCallTimeoutException e) {
            throw outOfTime("GetQueryExecution", queryExecutionId, callLimitMillis, e);
        } catch (RuntimeException e) {
            throw ErrorTranslator.fromSdk("GetQueryExecution", queryExecutionId, e);
        }
        if (execution == null || execution.status() == null || execution.status().state() == null) {
            throw new SQLException("GetQueryExecution for query " + queryExecutionId + " returned no status: the endpoint"
                    + " does not answer as Athena does; check AthenaEndpoint/EndpointOverride", SqlState.SYSTEM_ERROR);
        }
        return execution;
    }

    /** One page of results; {@code nextToken} null for the first page. */
    public GetQueryResultsResponse fetchPage(String queryExecutionId, String nextToken, int maxResults) throws SQLException {
        return fetchPage(queryExecutionId, nextToken, maxResults, 0);
    }

    /**
     * {@link #fetchPage(String, String, int)} with the whole call (retries included) limited to
     * {@code callLimitMillis}, what is left of the query timeout; 0 for no limit.
     *
     * @throws SQLTimeoutException when the call did not answer within that limit
     */
    public GetQueryResultsResponse fetchPage(String queryExecutionId, String nextToken, int maxResults,
                                             long callLimitMillis) throws SQLException {
        GetQueryResultsRequest request = GetQueryResultsRequest.builder()
                .queryExecutionId(queryExecutionId)
                .nextToken(nextToken)
                .maxResults(maxResults)
                .overrideConfiguration(AttemptTimeout.withCallLimit(requestTimeouts, callLimitMillis))
                .build();
        try {
            return athena.getQueryResults(request);
        } catch (ApiCallTimeoutException e) {
            throw outOfTime("GetQueryResults", queryExecutionId, callLimitMillis, e);
        } catch (RuntimeException e) {
            throw ErrorTranslator.fromSdk("GetQueryResults", queryExecutionId, e);
        }
    }

    /**
     * A call cut off by its limit. Only a call given one can run out of it (the clients have no call timeout of
     * their own); without a limit it would be an SDK failure like any other.
     */
    private static SQLException outOfTime(String operation, String queryExecutionId, long callLimitMillis,
                                          ApiCallTimeoutException e) {
        if (callLimitMillis <= 0) {
            return ErrorTranslator.fromSdk(operation, queryExecutionId, e);
        }
        return new SQLTimeoutException(operation + " for query " + queryExecutionId + " did not answer within the "
                + callLimitMillis + " ms left of the query timeout", SqlState.TIMEOUT, e);
    }

    public void stop(String queryExecutionId) throws SQLException {
        try {
            athena.stopQueryExecution(r -> r.queryExecutionId(queryExecutionId).overrideConfiguration(requestTimeouts));
            LOG.debug("Asked Athena to stop query {}", queryExecutionId);
        } catch (RuntimeException e) {
            throw ErrorTranslator.fromSdk("StopQueryExecution", queryExecutionId, e);
        }
    }
}
