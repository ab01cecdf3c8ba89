package ai.connecty.athena.jdbc.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.auth.SsoSessionExpiry;

import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.sql.SQLWarning;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.athena.model.AthenaError;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.TooManyRequestsException;

class ErrorTranslatorTest {
    private static final String ID = "0e3a7c2e-6b9f-4b2e-9a53-2b1a1f6f3c11";

    @Test
    void aQueryOfAConnectionWhoseSsoSignInEndedFailsWith28000NamingTheLogin() {
        AwsCredentialsProvider watched = SsoSessionExpiry.watch(() -> {
            throw SdkClientException.create("The SSO session associated with this profile has expired or is otherwise "
                    + "invalid. To refresh this SSO session run aws sso login with the corresponding profile.");
        }, Optional.of("dev"));
        RuntimeException ended = catchThrowableOfType(RuntimeException.class, watched::resolveCredentials);

        SQLException e = ErrorTranslator.fromSdk("StartQueryExecution", null,
                SdkClientException.create("Unable to execute HTTP request", ended));

        // Not 08xxx: the network is fine, and a pool must not take the sign-in for a broken connection.
        assertThat((Throwable) e).isInstanceOf(SQLInvalidAuthorizationSpecException.class)
                .hasMessageContaining("StartQueryExecution failed: the IAM Identity Center (SSO) session of profile 'dev'")
                .hasMessageContaining("run `aws sso login --profile dev`");
        assertThat(e.getSQLState()).isEqualTo("28000");
    }

    @Test
    void failedQueryCarriesIdReasonCategoryTypeAndSqlState() {
        String reason = "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.db.x' does not exist";
        QueryExecution execution = QueryExecution.builder().queryExecutionId(ID)
                .status(QueryExecutionStatus.builder().state(QueryExecutionState.FAILED).stateChangeReason(reason)
                        .athenaError(AthenaError.builder().errorCategory(2).errorType(1301).retryable(false)
                                .errorMessage(reason).build()).build()).build();

        AthenaQueryException e = ErrorTranslator.queryFailed(execution);

        assertThat((Throwable) e).hasMessage("Query " + ID + " failed: " + reason + " [category USER, type 1301]");
        assertThat(e.getSQLState()).isEqualTo("42P01");
        assertThat(e.getErrorCode()).isEqualTo(1301);
        assertThat(e.getQueryExecutionId()).isEqualTo(ID);
        assertThat(e.getErrorCategory()).isEqualTo(AthenaErrorCategory.USER);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void queriesFailingOnTheCallersMissingRightsAreInsufficientPrivilege() {
        for (String reason : new String[] {
                "Access denied when writing output to url: s3://demo-data/x/" + ID + ".csv",
                "Insufficient permissions to execute the query. User: arn:aws:sts::123456789012:assumed-role/r/s is "
                        + "not authorized to perform: glue:GetTable on resource: arn:aws:glue:us-east-1:123456789012:table/d/t"}) {
            QueryExecution execution = QueryExecution.builder().queryExecutionId(ID)
                    .status(QueryExecutionStatus.builder().state(QueryExecutionState.FAILED).stateChangeReason(reason)
                            .athenaError(AthenaError.builder().errorCategory(2).errorType(1000).errorMessage(reason).build())
                            .build()).build();

            assertThat(ErrorTranslator.queryFailed(execution).getSQLState()).as(reason).isEqualTo("42501");
        }
    }

    @Test
    void failedQueryWithoutAthenaErrorUsesTheStateChangeReason() {
        QueryExecution execution = QueryExecution.builder().queryExecutionId(ID)
                .status(QueryExecutionStatus.builder().state(QueryExecutionState.FAILED).stateChangeReason("boom").build()).build();

        AthenaQueryException e = ErrorTranslator.queryFailed(execution);

        assertThat((Throwable) e).hasMessage("Query " + ID + " failed: boom [category UNKNOWN, type unknown]");
        assertThat(e.getSQLState()).isEqualTo("HY000");
    }

    @Test
    void anEmptyAthenaErrorMessageDoesNotHideTheStateChangeReason() {
        // Measured on Athena: SELECT * FROM t with a QueryExecutionContext.Catalog that does not exist fails with this
        // StateChangeReason, category 2, type 1006, and an empty AthenaError.ErrorMessage.
        String reason = "CATALOG_NOT_FOUND: line 1:15: Catalog 'x' does not exist";
        QueryExecution execution = QueryExecution.builder().queryExecutionId(ID)
                .status(QueryExecutionStatus.builder().state(QueryExecutionState.FAILED).stateChangeReason(reason)
                        .athenaError(AthenaError.builder().errorCategory(2).errorType(1006).retryable(false)
                                .errorMessage("").build()).build()).build();

        AthenaQueryException e = ErrorTranslator.queryFailed(execution);

        assertThat((Throwable) e).hasMessage("Query " + ID + " failed: " + reason + " [category USER, type 1006]");
        assertThat(e.getSQLState()).isEqualTo("42000");
    }

    @Test
    void aHiveFailureCarriesBothTheErrorMessageAndTheStateChangeReason() {
        // Hive-path failures: the StateChangeReason (FAILED: ...) and the ErrorMessage differ, and each says something.
        String reason = "FAILED: Execution Error, return code 1 from org.apache.hadoop.hive.ql.exec.DDLTask. "
                + "AlreadyExistsException(message:Table people already exist)";
        QueryExecution execution = QueryExecution.builder().queryExecutionId(ID)
                .status(QueryExecutionStatus.builder().state(QueryExecutionState.FAILED).stateChangeReason(reason)
                        .athenaError(AthenaError.builder().errorCategory(2).errorType(1006).retryable(false)
                                .errorMessage("Table people already exists.").build()).build()).build();

        AthenaQueryException e = ErrorTranslator.queryFailed(execution);

        assertThat((Throwable) e).hasMessage("Query " + ID + " failed: Table people already exists. (" + reason
                + ") [category USER, type 1006]");
        assertThat(e.getSQLState()).isEqualTo("42000");
    }

    @Test
    void aHiveFailureOnMissingGlueRightsIsInsufficientPrivilege() {
        String sentence = "User: arn:aws:sts::123456789012:assumed-role/r/s is not authorized to perform: "
                + "glue:CreateDatabase on resource: arn:aws:glue:us-east-1:123456789012:database/d";
        QueryExecution execution = QueryExecution.builder().queryExecutionId(ID)
                .status(QueryExecutionStatus.builder().state(QueryExecutionState.FAILED)
                        .stateChangeReason("FAILED: Execution Error, return code 1 from "
                                + "org.apache.hadoop.hive.ql.exec.DDLTask. " + sentence)
                        .athenaError(AthenaError.builder().errorCategory(2).errorType(1006).errorMessage(sentence).build())
                        .build()).build();

        assertThat(ErrorTranslator.queryFailed(execution).getSQLState()).isEqualTo("42501");
    }

    private static InvalidRequestException invalidRequest(String code, String message) {
        return InvalidRequestException.builder().athenaErrorCode(code).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidRequestException").errorMessage(message).build())
                .requestId("req-1").statusCode(400).build();
    }

    @Test
    void malformedQueryIsASyntaxErrorKeepingAthenasPosition() {
        SQLException e = ErrorTranslator.fromSdk("StartQueryExecution", null,
                invalidRequest("MALFORMED_QUERY", "line 1:8: mismatched input 'FORM'. Expecting: <expression>"));

        assertThat((Throwable) e).isInstanceOf(SQLSyntaxErrorException.class)
                .hasMessage("Athena rejected the query: line 1:8: mismatched input 'FORM'. Expecting: <expression>"
                        + " [MALFORMED_QUERY, request id req-1]");
        assertThat(e.getSQLState()).isEqualTo("42000");
    }

    @Test
    void otherInvalidRequestsNameTheOperationAndCode() {
        SQLException e = ErrorTranslator.fromSdk("GetQueryResults", ID,
                invalidRequest("INVALID_QUERY_EXECUTION_STATE", "Query has not yet finished. Current state: RUNNING"));

        assertThat((Throwable) e).hasMessageStartingWith("GetQueryResults for query " + ID + " was refused: Query has not yet finished")
                .hasMessageContaining("INVALID_QUERY_EXECUTION_STATE");
        // A call about a query already submitted: the refusal is no fault of the user's SQL.
        assertThat(e.getSQLState()).isEqualTo("HY000");
    }

    @Test
    void refusedRequestsAreTheCallersToFix() {
        SQLException e = ErrorTranslator.fromSdk("StartQueryExecution", null,
                invalidRequest("INVALID_INPUT", "WorkGroup is not found."));

        assertThat(e.getSQLState()).isEqualTo("42000");
        assertThat((Throwable) e).hasMessage("StartQueryExecution was refused: WorkGroup is not found. [INVALID_INPUT, request id req-1]"
                + " Set WorkGroup to an existing workgroup of this Region (the default is primary).");
    }

    private static AthenaException serviceError(String code, String message, int status) {
        return (AthenaException) AthenaException.builder().message(message).statusCode(status).requestId("req-2")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void accessDeniedNamesActionAndResource() {
        SQLException e = ErrorTranslator.fromSdk("StopQueryExecution", ID, serviceError("AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/connecty-athena/s is not authorized to perform: "
                        + "athena:StopQueryExecution on resource: arn:aws:athena:us-east-1:123456789012:workgroup/primary", 400));

        assertThat(e.getSQLState()).isEqualTo("42501");
        assertThat((Throwable) e).hasMessageContaining("Grant athena:StopQueryExecution on arn:aws:athena:us-east-1:123456789012:workgroup/primary");
        assertThat(ErrorTranslator.isAccessDenied(e)).isTrue();
        assertThat((Throwable) e).hasMessageContaining("[AccessDeniedException, request id req-2]");
    }

    @Test
    void accessDeniedShowsTheServicesOwnCode() {
        // STS and S3 say AccessDenied (403), Athena and Glue AccessDeniedException: the message shows what AWS sent.
        SQLException e = ErrorTranslator.fromSdk("GetObject", ID, serviceError("AccessDenied",
                "User: arn:aws:sts::123456789012:assumed-role/connecty-athena/s is not authorized to perform: "
                        + "s3:GetObject on resource: arn:aws:s3:::athena-results/x.csv", 403));

        assertThat(e.getSQLState()).isEqualTo("42501");
        assertThat((Throwable) e).hasMessageContaining("[AccessDenied, request id req-2]")
                .hasMessageNotContaining("AccessDeniedException");
    }

    @Test
    void refusedCredentialsAreAnAuthorizationError() {
        SQLException e = ErrorTranslator.fromSdk("StartQueryExecution", null,
                serviceError("UnrecognizedClientException", "The security token included in the request is invalid.", 400));

        assertThat((Throwable) e).isInstanceOf(SQLInvalidAuthorizationSpecException.class).hasMessageContaining("credentials were refused");
        assertThat(e.getSQLState()).isEqualTo("28000");
    }

    @Test
    void throttlingAfterRetriesIsTransient() {
        SQLException e = ErrorTranslator.fromSdk("StartQueryExecution", null, TooManyRequestsException.builder()
                .message("Rate exceeded").statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException").errorMessage("Rate exceeded").build())
                .build());

        assertThat((Throwable) e).isInstanceOf(SQLTransientException.class).hasMessageContaining("throttled");
        assertThat(e.getSQLState()).isEqualTo("53000");
    }

    @Test
    void networkFailureIsTransientAndSaysTheQueryMayHaveRun() {
        SQLException e = ErrorTranslator.fromSdk("GetQueryExecution", ID, SdkClientException.create("Connection refused"));

        assertThat((Throwable) e).isInstanceOf(SQLTransientException.class)
                .isNotInstanceOf(SQLTransientConnectionException.class)
                .hasMessageStartingWith("GetQueryExecution for query " + ID + " failed: Connection refused.")
                .hasMessageContaining("Query " + ID + " was started and may have run");
        assertThat(e.getSQLState()).isEqualTo("58030");
    }

    @Test
    void aStartWhoseReplyWasLostNamesTheClientRequestTokenAndSaysTheQueryMayHaveRun() {
        SQLException e = ErrorTranslator.fromStart("token-1", SdkClientException.create("The target server failed to respond"));

        assertThat((Throwable) e).isInstanceOf(SQLTransientException.class)
                .hasMessageContaining("may have started").hasMessageContaining("ClientRequestToken token-1");
        assertThat(e.getSQLState()).isEqualTo("58030");
    }

    @Test
    void aRefusedStartSaysNothingAboutHavingRun() {
        SQLException e = ErrorTranslator.fromStart("token-1", serviceError("ValidationException", "QueryString too long", 400));

        assertThat((Throwable) e).isNotInstanceOf(SQLTransientException.class).hasMessageNotContaining("token-1");
        assertThat(e.getSQLState()).isEqualTo("HY000");
    }

    @Test
    void aServerErrorIsATransientSystemError() {
        SQLException e = ErrorTranslator.fromStart("token-1", serviceError("InternalServerException", "boom", 500));

        assertThat((Throwable) e).isInstanceOf(SQLTransientException.class).hasMessageContaining("ClientRequestToken token-1");
        assertThat(e.getSQLState()).isEqualTo("58000");
    }

    /**
     * What pools and tools act on: HikariCP 7 evicts on class 08 and on 0A000, 57P01-57P03, 01002, JZ0C0, JZ0C1;
     * DBeaver reconnects and re-runs on 08000/08003/08006/08007/08S01. No failure of a call may carry them.
     */
    @Test
    void noFailedCallCarriesAStateThatMakesAPoolEvictOrAToolReRun() {
        java.util.Set<String> evicting = new java.util.HashSet<>(java.util.Arrays.asList(
                "0A000", "57P01", "57P02", "57P03", "01002", "JZ0C0", "JZ0C1"));
        SQLException[] failures = {
                ErrorTranslator.fromSdk("GetQueryExecution", ID, SdkClientException.create("Connection reset")),
                ErrorTranslator.fromStart("t", SdkClientException.create("Read timed out")),
                ErrorTranslator.fromSdk("GetQueryResults", ID, serviceError("ThrottlingException", "Rate exceeded", 400)),
                ErrorTranslator.fromSdk("GetQueryResults", ID, serviceError("InternalServerException", "boom", 500)),
                ErrorTranslator.fromSdk("GetQueryResults", ID, serviceError("ServiceUnavailable", "later", 503)),
                ErrorTranslator.fromSdk("GetQueryResults", ID, serviceError("SomethingNew", "odd", 400)),
                ErrorTranslator.fromSdk("GetQueryResults", ID, serviceError("ExpiredTokenException", "expired", 400)),
        };
        for (SQLException failure : failures) {
            assertThat(failure.getSQLState()).as(failure.getMessage()).doesNotStartWith("08").isNotIn(evicting);
        }
    }

    @Test
    void aDeniedS3AccessDuringAQueryNamesTheActionsAndResourcesToGrant() {
        String reading = "PERMISSION_DENIED: Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied)"
                + " when reading s3://demo-data/demo/sales/ as arn:aws:sts::123456789012:assumed-role/r/s";
        String writing = "Access denied when writing output to url: s3://athena-results/q/" + ID + ".csv . Please ensure"
                + " you are allowed to access the S3 bucket.";

        assertThat((Throwable) ErrorTranslator.queryFailed(failed(reading, 1000))).hasMessageEndingWith(
                "Grant s3:ListBucket on arn:aws:s3:::demo-data and s3:GetObject on arn:aws:s3:::demo-data/demo/sales/*"
                        + " to the IAM identity the driver uses.");
        assertThat((Throwable) ErrorTranslator.queryFailed(failed(writing, 401)))
                .hasMessageContaining("Grant s3:PutObject and s3:GetObject on arn:aws:s3:::athena-results/q/*");
    }

    private static QueryExecution failed(String reason, int type) {
        return QueryExecution.builder().queryExecutionId(ID)
                .status(QueryExecutionStatus.builder().state(QueryExecutionState.FAILED).stateChangeReason(reason)
                        .athenaError(AthenaError.builder().errorCategory(2).errorType(type).retryable(false)
                                .errorMessage(reason).build()).build()).build();
    }

    @Test
    void timeoutAndCancelHaveTheirStates() {
        SQLTimeoutException timeout = ErrorTranslator.timedOut(ID, 5);
        AthenaQueryException cancelled = ErrorTranslator.cancelled(ID, "Query cancelled by user");

        assertThat(timeout.getSQLState()).isEqualTo("HYT00");
        assertThat((Throwable) timeout).hasMessageContaining(ID).hasMessageContaining("5 s");
        assertThat(cancelled.getSQLState()).isEqualTo("57014");
        assertThat((Throwable) cancelled).hasMessage("Query " + ID + " was cancelled: Query cancelled by user");
    }

    @Test
    void aStopThatIamDeniedIsAWarning01007NamingTheAction() {
        SQLException denied = ErrorTranslator.fromSdk("StopQueryExecution", ID, serviceError("AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/r/s is not authorized to perform: athena:StopQueryExecution",
                400));

        SQLWarning warning = ErrorTranslator.couldNotStop(ID, denied);

        assertThat(warning.getSQLState()).isEqualTo("01007");
        assertThat((Throwable) warning).hasMessageStartingWith("Query " + ID + " could not be stopped (the IAM identity"
                + " may not call athena:StopQueryExecution); it may still be running in Athena and scanning data. ")
                .hasCause(denied);
    }

    @Test
    void aStopThatFailedOtherwiseIsAPlainWarning() {
        SQLException failed = ErrorTranslator.fromSdk("StopQueryExecution", ID, SdkClientException.create("Connection reset"));

        SQLWarning warning = ErrorTranslator.couldNotStop(ID, failed);

        assertThat(warning.getSQLState()).isEqualTo("01000");
        assertThat((Throwable) warning).hasMessageStartingWith("Query " + ID + " could not be stopped (StopQueryExecution"
                + " failed); it may still be running in Athena and scanning data. StopQueryExecution for query " + ID
                + " failed: Connection reset.");
        assertThat(ErrorTranslator.isAccessDenied(failed)).isFalse();
    }

    /** What a caller retrying StartQueryExecution must know: did Athena maybe start the query already? */
    @Test
    void onlyAStartThatMayHaveReachedAthenaMayHaveStarted() {
        assertThat(ErrorTranslator.mayHaveStarted(ErrorTranslator.fromStart("t",
                new IllegalStateException("Connection pool shut down")))).as("58000, client closed").isTrue();
        assertThat(ErrorTranslator.mayHaveStarted(ErrorTranslator.fromStart("t",
                SdkClientException.create("Read timed out")))).as("58030").isTrue();
        assertThat(ErrorTranslator.mayHaveStarted(ErrorTranslator.fromStart("t",
                serviceError("ThrottlingException", "Rate exceeded", 400)))).as("53000").isTrue();
        assertThat(ErrorTranslator.mayHaveStarted(ErrorTranslator.fromStart("t",
                serviceError("InternalServerException", "boom", 500)))).as("58000, 5xx").isTrue();
        assertThat(ErrorTranslator.mayHaveStarted(ErrorTranslator.fromStart("t",
                invalidRequest("MALFORMED_QUERY", "line 1:1: mismatched input")))).as("42000").isFalse();
        assertThat(ErrorTranslator.mayHaveStarted(ErrorTranslator.fromStart("t",
                serviceError("ExpiredTokenException", "expired", 400)))).as("28000").isFalse();
        assertThat(ErrorTranslator.mayHaveStarted(ErrorTranslator.fromStart("t",
                serviceError("AccessDeniedException", "denied", 400)))).as("42501").isFalse();
        assertThat(ErrorTranslator.mayHaveStarted(ErrorTranslator.fromStart("t",
                serviceError("ValidationException", "QueryString too long", 400)))).as("HY000").isFalse();
    }

    @Test
    void aCallCutOffByTheConnectionsCloseIs58000AndNoTransientFailure() {
        // Retrying on the same connection cannot help: its HTTP client is closed.
        SQLException e = ErrorTranslator.fromSdk("GetQueryResults", ID, new IllegalStateException("Connection pool shut down"));

        assertThat(e.getClass()).isEqualTo(SQLException.class);
        assertThat(e.getSQLState()).isEqualTo("58000");
        assertThat((Throwable) e).hasMessage("GetQueryResults for query " + ID + " failed: java.lang.IllegalStateException:"
                + " Connection pool shut down (the connection may have been closed meanwhile).");
    }

    @Test
    void aRefusalWithoutAthenaErrorCodeShowsTheServicesErrorCode() {
        InvalidRequestException refused = InvalidRequestException.builder().message("Idempotent parameters mismatch")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidRequestException")
                        .errorMessage("Idempotent parameters mismatch").build()).statusCode(400).build();

        SQLException e = ErrorTranslator.fromSdk("GetQueryExecution", ID, refused);

        assertThat(e.getSQLState()).isEqualTo("HY000");
        assertThat((Throwable) e).hasMessage("GetQueryExecution for query " + ID + " was refused: Idempotent parameters"
                + " mismatch [InvalidRequestException]. Query " + ID + " was started and may have run or still be"
                + " running: check its state before running it again.");
    }

    @Test
    void anErrorMessageThatHoldsTheStateChangeReasonIsShownOnce() {
        QueryExecution execution = QueryExecution.builder().queryExecutionId(ID)
                .status(QueryExecutionStatus.builder().state(QueryExecutionState.FAILED).stateChangeReason("Table t")
                        .athenaError(AthenaError.builder().errorCategory(2).errorType(1006)
                                .errorMessage("Table t already exists.").build()).build()).build();

        assertThat((Throwable) ErrorTranslator.queryFailed(execution))
                .hasMessage("Query " + ID + " failed: Table t already exists. [category USER, type 1006]");
    }

    @Test
    void aDeniedWriteOfResultsNamesTheirPrefixToTheLastSlash() {
        // A result key that starts with '/' (an OutputLocation s3://bucket//) is its own prefix: grant that one.
        assertThat((Throwable) ErrorTranslator.queryFailed(failed("Access denied when writing output to url: "
                + "s3://athena-results//" + ID + ".csv", 401)))
                .hasMessageContaining("Grant s3:PutObject and s3:GetObject on arn:aws:s3:::athena-results//* (and s3:ListBucket,"
                        + " s3:GetBucketLocation on arn:aws:s3:::athena-results)");
        assertThat((Throwable) ErrorTranslator.queryFailed(failed("Access denied when writing output to url: "
                + "s3://athena-results/" + ID + ".csv", 401)))
                .hasMessageContaining("Grant s3:PutObject and s3:GetObject on arn:aws:s3:::athena-results/* (and");
    }

    @Test
    void aTimeoutAfterTheQueryEndedSaysItRanToItsEnd() {
        Throwable cut = SdkClientException.create("API call timeout");

        SQLTimeoutException e = ErrorTranslator.timedOutAfterEnd(ID, "SUCCEEDED", 7, cut);

        assertThat(e.getSQLState()).isEqualTo("HYT00");
        assertThat((Throwable) e).hasCause(cut).hasMessage("Query " + ID + " SUCCEEDED, but its results (the first"
                + " GetQueryResults page) did not arrive within the query timeout of 7 s; the query ran to its end and was"
                + " not stopped: running it again runs it twice");
    }
}
