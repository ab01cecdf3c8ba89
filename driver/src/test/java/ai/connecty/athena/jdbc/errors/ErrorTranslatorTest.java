package ai.connecty.athena.jdbc.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import org.junit.jupiter.api.Test;
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
        assertThat(e.getSQLState()).isEqualTo("08004");
    }

    @Test
    void networkFailureIsATransientConnectionError() {
        SQLException e = ErrorTranslator.fromSdk("GetQueryExecution", ID, SdkClientException.create("Connection refused"));

        assertThat((Throwable) e).isInstanceOf(SQLTransientConnectionException.class)
                .hasMessage("GetQueryExecution for query " + ID + " failed: Connection refused");
        assertThat(e.getSQLState()).isEqualTo("08006");
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
}
