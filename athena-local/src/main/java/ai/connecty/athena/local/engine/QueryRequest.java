package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.api.CallContext;
import ai.connecty.athena.local.engine.ddl.ParsedDdl;
import ai.connecty.athena.local.sql.Classification;
import ai.connecty.athena.local.sql.SqlStatement;
import ai.connecty.athena.local.storage.S3Location;
import java.util.List;

/**
 * A validated StartQueryExecution: the statement after Athena's text rules, the context exactly as sent (null
 * when omitted), the output prefix that applies, and the caller whose rights the query runs with.
 *
 * @param reuseMaxAgeMinutes result-reuse window, or null when reuse is off
 * @param parameterError why the ExecutionParameters could not be bound (the query then FAILS with
 *                       INVALID_PARAMETER_USAGE when it runs, as Trino's analysis does), or null
 * @param encryptionOption   ResultConfiguration.EncryptionConfiguration.EncryptionOption as sent, or null; echoed by
 *                           GetQueryExecution (athena-local writes the files unencrypted whatever it says)
 * @param parsed             the statement as parsed once at StartQueryExecution (its Trino tree, bound parameters)
 * @param hive               a Hive-path statement's one DDL parse (or its syntax error), made at StartQueryExecution
 *                           from the tokens {@code parsed} carries; null on the Trino path
 * @param executionParameters the ExecutionParameters as sent (null elements dropped, as Athena does), echoed by
 *                            GetQueryExecution; empty when none were sent
 */
public record QueryRequest(String statement, Classification classification, String catalog, String database,
                           String workGroup, S3Location outputPrefix, Integer reuseMaxAgeMinutes,
                           CallContext caller, String parameterError, String encryptionOption, SqlStatement parsed,
                           ParsedDdl hive, List<String> executionParameters) {

    public QueryRequest {
        executionParameters = List.copyOf(executionParameters);
    }

    /** A request for a statement athena-local issues itself (demo setup); parses {@code parsed} here. */
    public QueryRequest(SqlStatement parsed, String catalog, String database, String workGroup, S3Location outputPrefix,
                        CallContext caller) {
        this(parsed.text(), parsed.classification(), catalog, database, workGroup, outputPrefix, null, caller, null,
                null, parsed, ParsedDdl.ofHivePath(parsed), List.of());
    }
}
