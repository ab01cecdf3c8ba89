package ai.connecty.athena.jdbc.rows;

import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.results.ColumnSpec;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.athena.model.EncryptionConfiguration;
import software.amazon.awssdk.services.athena.model.EncryptionOption;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.ManagedQueryResultsConfiguration;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.ResultConfiguration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The one place that decides how the rows of a succeeded query are read: GetQueryResults pages, or the result
 * file {@code <id>.csv} from S3 (much faster for anything beyond a page: no JSON, no 1,000-row round trips,
 * several ranged GETs at once).
 *
 * <p>With {@code auto}, a result that fits in its first GetQueryResults page is served from that page (it is in
 * hand already); a longer one is read from S3 unless the file cannot be read, in which case the API pages it
 * and a SQLWarning says why: the workgroup keeps results in Athena-managed storage, the results are client-side
 * encrypted (CSE_KMS), or S3 refused the first GET (typically access denied). {@code S3} reads every CSV result
 * from S3 and fails with those reasons instead. Results that are not CSV ({@code .txt} of DDL, SHOW, DESCRIBE,
 * EXPLAIN: small, tab-joined, without NULL markers) always come through the API.
 *
 * <p>One transport serves a connection. When S3 fails under {@code auto} in a way the next query would meet too
 * (access denied, S3 unreachable, an answer no S3 sends), the connection reads through the API for
 * {@link #S3_RETRY_AFTER_MINUTES} minutes without asking S3 again, each query's warning saying so: otherwise
 * every query would pay for the doomed GET, seconds of connect timeouts and retries where S3 is unreachable.
 */
public final class ResultTransport {
    private static final Logger LOG = LoggerFactory.getLogger(ResultTransport.class);
    /** Bytes per ranged GET. */
    public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;
    /**
     * Parts held at once: the byte budget of one result set is PART_SIZE x this (S3ReadAheadMB's default, 32). The
     * parts beyond the first come from the JVM-wide {@link ReadAheadBudget} as well.
     */
    public static final int DEFAULT_PARTS_AHEAD = 4;

    /** How long a connection leaves S3 alone after a failure that would repeat. */
    static final long S3_RETRY_AFTER_MINUTES = 5;

    private final ResultFetcher fetcher;
    /** The connection's S3 client, asked for when a result is read from S3 (it may be built then); null: none. */
    private final Supplier<S3Client> s3;
    private final String requestedEncryption;
    private final int partSize;
    private final int partsAhead;
    private final LongSupplier nanoClock;
    private final ReadAheadBudget budget;
    /** The failure that made this connection stop asking S3, while it stands; null when S3 is tried. */
    private volatile S3Failure lastFailure;

    /** A failure of S3 that the next query would meet too. */
    private static final class S3Failure {
        final String queryExecutionId;
        final String reason;
        final long atNanos;

        S3Failure(String queryExecutionId, String reason, long atNanos) {
            this.queryExecutionId = queryExecutionId;
            this.reason = reason;
            this.atNanos = atNanos;
        }
    }

    /** Reads through GetQueryResults only: for a protocol client without an S3 client. */
    public static ResultTransport apiOnly() {
        return new ResultTransport(ResultFetcher.GET_QUERY_RESULTS, (S3Client) null, null, DEFAULT_PART_SIZE, DEFAULT_PARTS_AHEAD);
    }

    /**
     * @param s3                  null when no S3 client is at hand (then only the API is used)
     * @param requestedEncryption the connection's EncryptionOption, consulted when the execution does not echo one
     * @param partSize            bytes per ranged GET
     * @param partsAhead          ranged GETs held at once; partSize x partsAhead bounds the memory of one result set,
     *                            and all but one of them are taken from {@link ReadAheadBudget#shared()} too
     */
    public ResultTransport(ResultFetcher fetcher, S3Client s3, String requestedEncryption, int partSize, int partsAhead) {
        this(fetcher, s3, requestedEncryption, partSize, partsAhead, System::nanoTime, ReadAheadBudget.shared());
    }

    /**
     * As {@link #ResultTransport(ResultFetcher, S3Client, String, int, int)}, with the S3 client asked of
     * {@code s3} when a result is first read from S3 (a connection builds it then; see {@code AwsClients}).
     */
    public ResultTransport(ResultFetcher fetcher, Supplier<S3Client> s3, String requestedEncryption, int partSize,
                           int partsAhead) {
        this(fetcher, s3, requestedEncryption, partSize, partsAhead, System::nanoTime, ReadAheadBudget.shared());
    }

    /** @param nanoClock monotonic time, as {@link System#nanoTime()}: tests move it to end the S3 pause */
    ResultTransport(ResultFetcher fetcher, S3Client s3, String requestedEncryption, int partSize, int partsAhead,
                    LongSupplier nanoClock) {
        this(fetcher, s3, requestedEncryption, partSize, partsAhead, nanoClock, ReadAheadBudget.shared());
    }

    /** @param budget what every result set of this transport takes its parts beyond the first from */
    ResultTransport(ResultFetcher fetcher, S3Client s3, String requestedEncryption, int partSize, int partsAhead,
                    LongSupplier nanoClock, ReadAheadBudget budget) {
        this(fetcher, s3 == null ? null : () -> s3, requestedEncryption, partSize, partsAhead, nanoClock, budget);
    }

    private ResultTransport(ResultFetcher fetcher, Supplier<S3Client> s3, String requestedEncryption, int partSize,
                            int partsAhead, LongSupplier nanoClock, ReadAheadBudget budget) {
        this.budget = budget;
        this.fetcher = fetcher;
        this.s3 = s3;
        this.requestedEncryption = requestedEncryption;
        this.partSize = Math.max(1024, partSize);
        this.partsAhead = Math.max(1, partsAhead);
        this.nanoClock = nanoClock;
    }

    public ResultFetcher fetcher() {
        return fetcher;
    }

    /**
     * The rows of {@code execution}, read from {@code firstPage} (the page its outcome was read from) onwards.
     *
     * @param headerRow whether the API sends the column names as the first row (the CSV always does)
     * @param pageSize  GetQueryResults MaxResults
     * @param networkTimeoutMillis Connection.setNetworkTimeout as the statement started (0 for none): how long each S3
     *                  GET may wait for its answer, and its response for more bytes, before it is retried
     * @param maxRows   Statement.setMaxRows (0 for no limit): rows beyond it are never read, so a limit within the
     *                  first page (a SQL client's preview of 200 rows) needs no other page and no S3 download
     * @param warnings  where the reason of a fallback to GetQueryResults goes (the statement's warnings)
     */
    public RowSource open(QueryExecution execution, GetQueryResultsResponse firstPage, List<ColumnSpec> columns,
                          boolean headerRow, PageFetcher pages, PrefetchThreads threads, int pageSize,
                          int networkTimeoutMillis, long maxRows, Consumer<SQLWarning> warnings) throws SQLException {
        String id = execution.queryExecutionId();
        boolean firstPageSuffices = maxRows > 0 && maxRows <= ApiRowSource.dataRows(firstPage, headerRow);
        if (firstPageSuffices && fetcher != ResultFetcher.S3) {
            return new ApiRowSource(pages, threads, id, columns, firstPage, headerRow, pageSize, true);
        }
        if (fetcher == ResultFetcher.GET_QUERY_RESULTS || !isCsv(execution)
                || fetcher == ResultFetcher.AUTO && isLastPage(firstPage)) {
            return new ApiRowSource(pages, threads, id, columns, firstPage, headerRow, pageSize);
        }
        String reason = unreadableReason(execution);
        if (reason == null && fetcher == ResultFetcher.AUTO) {
            reason = standingFailure();
        }
        if (reason == null) {
            S3Location file = S3Location.parse(execution.resultConfiguration().outputLocation());
            S3ObjectStream stream = null;
            try {
                // The connection builds its S3 client on first use: a failure to build it is met like a failed GET.
                stream = new S3ObjectStream(s3.get(), file.bucket, file.key, partSize, partsAhead,
                        networkTimeoutMillis, budget);
                stream.open();
                LOG.debug("Reading the results of query {} from {} ({} bytes)", id, stream.location(), stream.size());
                return new S3RowSource(columns, stream);
            } catch (Error e) {
                if (stream != null) {
                    stream.close(); // no parser thread (memory ran out): the parts and their budget must not stay taken
                }
                throw e;
            } catch (S3ObjectStream.MalformedReply | RuntimeException e) {
                if (stream != null) {
                    stream.close();
                }
                reason = refusal(file.location(), e);
                if (fetcher == ResultFetcher.S3) {
                    throw new SQLException(s3Only(id, reason), sqlState(e), e);
                }
                if (repeats(e)) {
                    lastFailure = new S3Failure(id, reason, nanoClock.getAsLong());
                }
            }
        } else if (fetcher == ResultFetcher.S3) {
            throw new SQLException(s3Only(id, reason), SqlState.FEATURE_NOT_SUPPORTED);
        }
        warnings.accept(new SQLWarning("The results of query " + id + " are read through GetQueryResults, which is"
                + " much slower for large results, because " + reason + ". Set ResultFetcher=GetQueryResults to skip"
                + " the S3 attempt", SqlState.WARNING));
        return new ApiRowSource(pages, threads, id, columns, firstPage, headerRow, pageSize);
    }

    /** Why S3 is not asked while an earlier failure stands, or null (then it is asked, and the pause is over). */
    private String standingFailure() {
        S3Failure failure = lastFailure;
        if (failure == null) {
            return null;
        }
        long elapsed = nanoClock.getAsLong() - failure.atNanos;
        if (elapsed >= TimeUnit.MINUTES.toNanos(S3_RETRY_AFTER_MINUTES)) {
            lastFailure = null;
            return null;
        }
        return "reading the results of query " + failure.queryExecutionId + " from S3 failed on this connection "
                + TimeUnit.NANOSECONDS.toSeconds(elapsed) + " s ago (" + failure.reason + "); S3 is asked again "
                + S3_RETRY_AFTER_MINUTES + " minutes after that failure, or on a new connection";
    }

    /**
     * Whether the next query would meet this failure too: access denied (the identity's policy, or a KMS key), S3
     * out of reach (connect failures and timeouts), an answer no S3 sends. Not a missing object, a server error, a
     * cancelled call, or a failure the SDK did not wrap.
     */
    private static boolean repeats(Exception e) {
        if (e instanceof S3Exception) {
            return ((S3Exception) e).statusCode() == 403;
        }
        return e instanceof S3ObjectStream.MalformedReply
                || e instanceof SdkClientException && !(e instanceof AbortedException);
    }

    private static boolean isLastPage(GetQueryResultsResponse page) {
        return page.nextToken() == null || page.nextToken().isEmpty();
    }

    private static boolean isCsv(QueryExecution execution) {
        ResultConfiguration result = execution.resultConfiguration();
        String location = result == null ? null : result.outputLocation();
        return location == null || location.endsWith(".csv") || managedResults(execution);
    }

    private static boolean managedResults(QueryExecution execution) {
        ManagedQueryResultsConfiguration managed = execution.managedQueryResultsConfiguration();
        return managed != null && Boolean.TRUE.equals(managed.enabled());
    }

    /** Why the result file cannot be read from S3, null when it can be tried. */
    private String unreadableReason(QueryExecution execution) {
        if (managedResults(execution)) {
            return "the workgroup keeps query results in Athena-managed storage, which only the Athena API can read";
        }
        if (isCseKms(execution)) {
            return "the results are client-side encrypted (CSE_KMS), which only the Athena API decrypts";
        }
        ResultConfiguration result = execution.resultConfiguration();
        if (result == null || result.outputLocation() == null || S3Location.parse(result.outputLocation()) == null) {
            return "Athena reported no S3 location of the result file";
        }
        if (s3 == null) {
            return "this connection has no S3 client";
        }
        return null;
    }

    private boolean isCseKms(QueryExecution execution) {
        ResultConfiguration result = execution.resultConfiguration();
        EncryptionConfiguration encryption = result == null ? null : result.encryptionConfiguration();
        if (encryption != null && encryption.encryptionOption() != null) {
            return encryption.encryptionOption() == EncryptionOption.CSE_KMS;
        }
        return "CSE_KMS".equals(requestedEncryption);
    }

    /** Why S3 could not serve the file, completing "because ...". */
    private static String refusal(String location, Exception e) {
        if (e instanceof S3Exception) {
            S3Exception s3e = (S3Exception) e;
            String code = s3e.awsErrorDetails() == null ? null : s3e.awsErrorDetails().errorCode();
            if (s3e.statusCode() == 403) {
                return "S3 denied GetObject on " + location + " (" + (code == null ? "403" : code)
                        + "): the IAM identity needs s3:GetObject on the output location, and kms:Decrypt if it is SSE_KMS";
            }
            if (s3e.statusCode() == 404) {
                return "the result file " + location + " does not exist (" + (code == null ? "404" : code) + ")";
            }
            return "S3 refused GetObject on " + location + " (HTTP " + s3e.statusCode()
                    + (code == null ? "" : ", " + code) + ")";
        }
        if (e instanceof S3ObjectStream.MalformedReply) {
            return e.getMessage();
        }
        // An SdkException says what failed; an exception the SDK did not wrap is named by its class too.
        return "reading " + location + " failed: " + (e instanceof SdkException ? e.getMessage() : e.toString());
    }

    private static String sqlState(Exception e) {
        if (e instanceof S3Exception) {
            int status = ((S3Exception) e).statusCode();
            return status == 403 ? SqlState.INSUFFICIENT_PRIVILEGE : SqlState.SYSTEM_ERROR;
        }
        if (e instanceof SdkException) {
            return SqlState.NETWORK_ERROR; // not class 08: the JDBC connection stays usable, and pools evict on 08
        }
        return SqlState.SYSTEM_ERROR; // an answer no S3 sends, or a failure the SDK did not wrap
    }

    private static String s3Only(String id, String reason) {
        return "ResultFetcher=S3 cannot read the results of query " + id + " because " + reason
                + ". Set ResultFetcher=auto to fall back to GetQueryResults, or GetQueryResults to use the API only";
    }

    /** s3://bucket/key as the SDK wants it; null for anything else. */
    private static final class S3Location {
        final String bucket;
        final String key;

        String location() {
            return "s3://" + bucket + "/" + key;
        }

        private S3Location(String bucket, String key) {
            this.bucket = bucket;
            this.key = key;
        }

        static S3Location parse(String uri) {
            if (uri == null || !uri.startsWith("s3://")) {
                return null;
            }
            int slash = uri.indexOf('/', 5);
            if (slash <= 5 || slash == uri.length() - 1) {
                return null;
            }
            return new S3Location(uri.substring(5, slash), uri.substring(slash + 1));
        }
    }
}
