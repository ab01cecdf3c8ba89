package ai.connecty.athena.jdbc.metadata;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The answers of DatabaseMetaData that come from memory: tools branch on them (DBeaver and DataGrip quote
 * identifiers by {@code storesLowerCaseIdentifiers}, Hibernate and Spring ask {@code supportsTransactions},
 * {@code supportsSavepoints} and {@code supportsResultSetType}), so each is pinned with Athena's reason.
 * None of them makes an AWS call.
 */
class CapabilityAnswersTest {
    @RegisterExtension
    final WireMockExtension aws = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private Connection connect(String extra) throws SQLException {
        return DriverManager.getConnection("jdbc:connecty-athena://ValidateCredentials=false;Region=us-east-1;"
                + "EndpointOverride=http://127.0.0.1:" + aws.getPort() + ";NumRetries=0;" + extra,
                "AKIAIOSFODNN7EXAMPLE", "secret");
    }

    @Test
    void dialectAnswersDescribeAthenasEngine() throws SQLException {
        try (Connection connection = connect("")) {
            DatabaseMetaData m = connection.getMetaData();
            Map<String, Boolean> answers = new LinkedHashMap<>();
            // Trino puts NULLs last whether the order is ascending or descending.
            answers.put("nullsAreSortedHigh", m.nullsAreSortedHigh());
            answers.put("nullsAreSortedLow", m.nullsAreSortedLow());
            answers.put("nullsAreSortedAtStart", m.nullsAreSortedAtStart());
            answers.put("nullsAreSortedAtEnd", m.nullsAreSortedAtEnd());
            // The catalog folds every name, quoted or not, to lower case.
            answers.put("supportsMixedCaseIdentifiers", m.supportsMixedCaseIdentifiers());
            answers.put("storesUpperCaseIdentifiers", m.storesUpperCaseIdentifiers());
            answers.put("storesLowerCaseIdentifiers", m.storesLowerCaseIdentifiers());
            answers.put("storesMixedCaseIdentifiers", m.storesMixedCaseIdentifiers());
            answers.put("supportsMixedCaseQuotedIdentifiers", m.supportsMixedCaseQuotedIdentifiers());
            answers.put("storesUpperCaseQuotedIdentifiers", m.storesUpperCaseQuotedIdentifiers());
            answers.put("storesLowerCaseQuotedIdentifiers", m.storesLowerCaseQuotedIdentifiers());
            answers.put("storesMixedCaseQuotedIdentifiers", m.storesMixedCaseQuotedIdentifiers());
            // The files are on S3, not local to the driver.
            answers.put("usesLocalFiles", m.usesLocalFiles());
            answers.put("usesLocalFilePerTable", m.usesLocalFilePerTable());
            answers.put("allProceduresAreCallable", m.allProceduresAreCallable());
            answers.put("allTablesAreSelectable", m.allTablesAreSelectable());
            answers.put("isReadOnly", m.isReadOnly());
            answers.put("isCatalogAtStart", m.isCatalogAtStart());
            // ALTER TABLE ADD COLUMNS, but columns of Hive tables are dropped with REPLACE COLUMNS.
            answers.put("supportsAlterTableWithAddColumn", m.supportsAlterTableWithAddColumn());
            answers.put("supportsAlterTableWithDropColumn", m.supportsAlterTableWithDropColumn());
            answers.put("supportsColumnAliasing", m.supportsColumnAliasing());
            answers.put("nullPlusNonNullIsNull", m.nullPlusNonNullIsNull());
            answers.put("supportsConvert", m.supportsConvert());
            answers.put("supportsTableCorrelationNames", m.supportsTableCorrelationNames());
            // FROM orders AS orders parses.
            answers.put("supportsDifferentTableCorrelationNames", m.supportsDifferentTableCorrelationNames());
            answers.put("supportsExpressionsInOrderBy", m.supportsExpressionsInOrderBy());
            answers.put("supportsOrderByUnrelated", m.supportsOrderByUnrelated());
            answers.put("supportsGroupBy", m.supportsGroupBy());
            answers.put("supportsGroupByUnrelated", m.supportsGroupByUnrelated());
            answers.put("supportsGroupByBeyondSelect", m.supportsGroupByBeyondSelect());
            answers.put("supportsLikeEscapeClause", m.supportsLikeEscapeClause());
            answers.put("supportsMultipleResultSets", m.supportsMultipleResultSets());
            answers.put("supportsMultipleTransactions", m.supportsMultipleTransactions());
            // Hive tables have no NOT NULL.
            answers.put("supportsNonNullableColumns", m.supportsNonNullableColumns());
            answers.put("supportsMinimumSQLGrammar", m.supportsMinimumSQLGrammar());
            answers.put("supportsCoreSQLGrammar", m.supportsCoreSQLGrammar());
            answers.put("supportsExtendedSQLGrammar", m.supportsExtendedSQLGrammar());
            answers.put("supportsANSI92EntryLevelSQL", m.supportsANSI92EntryLevelSQL());
            answers.put("supportsANSI92IntermediateSQL", m.supportsANSI92IntermediateSQL());
            answers.put("supportsANSI92FullSQL", m.supportsANSI92FullSQL());
            answers.put("supportsIntegrityEnhancementFacility", m.supportsIntegrityEnhancementFacility());
            answers.put("supportsOuterJoins", m.supportsOuterJoins());
            answers.put("supportsFullOuterJoins", m.supportsFullOuterJoins());
            answers.put("supportsLimitedOuterJoins", m.supportsLimitedOuterJoins());
            // db.table and catalog.db.table name tables in queries and DDL; there are no procedures, indexes or grants.
            answers.put("supportsSchemasInDataManipulation", m.supportsSchemasInDataManipulation());
            answers.put("supportsSchemasInProcedureCalls", m.supportsSchemasInProcedureCalls());
            answers.put("supportsSchemasInTableDefinitions", m.supportsSchemasInTableDefinitions());
            answers.put("supportsSchemasInIndexDefinitions", m.supportsSchemasInIndexDefinitions());
            answers.put("supportsSchemasInPrivilegeDefinitions", m.supportsSchemasInPrivilegeDefinitions());
            answers.put("supportsCatalogsInDataManipulation", m.supportsCatalogsInDataManipulation());
            answers.put("supportsCatalogsInProcedureCalls", m.supportsCatalogsInProcedureCalls());
            answers.put("supportsCatalogsInTableDefinitions", m.supportsCatalogsInTableDefinitions());
            answers.put("supportsCatalogsInIndexDefinitions", m.supportsCatalogsInIndexDefinitions());
            answers.put("supportsCatalogsInPrivilegeDefinitions", m.supportsCatalogsInPrivilegeDefinitions());
            answers.put("supportsPositionedDelete", m.supportsPositionedDelete());
            answers.put("supportsPositionedUpdate", m.supportsPositionedUpdate());
            answers.put("supportsSelectForUpdate", m.supportsSelectForUpdate());
            answers.put("supportsStoredProcedures", m.supportsStoredProcedures());
            answers.put("supportsSubqueriesInComparisons", m.supportsSubqueriesInComparisons());
            answers.put("supportsSubqueriesInExists", m.supportsSubqueriesInExists());
            answers.put("supportsSubqueriesInIns", m.supportsSubqueriesInIns());
            answers.put("supportsSubqueriesInQuantifieds", m.supportsSubqueriesInQuantifieds());
            answers.put("supportsCorrelatedSubqueries", m.supportsCorrelatedSubqueries());
            answers.put("supportsUnion", m.supportsUnion());
            answers.put("supportsUnionAll", m.supportsUnionAll());
            assertThat(answers).containsExactlyEntriesOf(expected(
                    "nullsAreSortedHigh=false", "nullsAreSortedLow=false", "nullsAreSortedAtStart=false",
                    "nullsAreSortedAtEnd=true",
                    "supportsMixedCaseIdentifiers=false", "storesUpperCaseIdentifiers=false",
                    "storesLowerCaseIdentifiers=true", "storesMixedCaseIdentifiers=false",
                    "supportsMixedCaseQuotedIdentifiers=false", "storesUpperCaseQuotedIdentifiers=false",
                    "storesLowerCaseQuotedIdentifiers=true", "storesMixedCaseQuotedIdentifiers=false",
                    "usesLocalFiles=false", "usesLocalFilePerTable=false", "allProceduresAreCallable=false",
                    "allTablesAreSelectable=true", "isReadOnly=false", "isCatalogAtStart=true",
                    "supportsAlterTableWithAddColumn=true", "supportsAlterTableWithDropColumn=false",
                    "supportsColumnAliasing=true", "nullPlusNonNullIsNull=true", "supportsConvert=true",
                    "supportsTableCorrelationNames=true", "supportsDifferentTableCorrelationNames=false",
                    "supportsExpressionsInOrderBy=true", "supportsOrderByUnrelated=true", "supportsGroupBy=true",
                    "supportsGroupByUnrelated=true", "supportsGroupByBeyondSelect=true",
                    "supportsLikeEscapeClause=true", "supportsMultipleResultSets=false",
                    "supportsMultipleTransactions=false", "supportsNonNullableColumns=false",
                    "supportsMinimumSQLGrammar=true", "supportsCoreSQLGrammar=false",
                    "supportsExtendedSQLGrammar=false", "supportsANSI92EntryLevelSQL=true",
                    "supportsANSI92IntermediateSQL=false", "supportsANSI92FullSQL=false",
                    "supportsIntegrityEnhancementFacility=false", "supportsOuterJoins=true",
                    "supportsFullOuterJoins=true", "supportsLimitedOuterJoins=true",
                    "supportsSchemasInDataManipulation=true", "supportsSchemasInProcedureCalls=false",
                    "supportsSchemasInTableDefinitions=true", "supportsSchemasInIndexDefinitions=false",
                    "supportsSchemasInPrivilegeDefinitions=false", "supportsCatalogsInDataManipulation=true",
                    "supportsCatalogsInProcedureCalls=false", "supportsCatalogsInTableDefinitions=true",
                    "supportsCatalogsInIndexDefinitions=false", "supportsCatalogsInPrivilegeDefinitions=false",
                    "supportsPositionedDelete=false", "supportsPositionedUpdate=false",
                    "supportsSelectForUpdate=false", "supportsStoredProcedures=false",
                    "supportsSubqueriesInComparisons=true", "supportsSubqueriesInExists=true",
                    "supportsSubqueriesInIns=true", "supportsSubqueriesInQuantifieds=true",
                    "supportsCorrelatedSubqueries=true", "supportsUnion=true", "supportsUnionAll=true"));
        }
        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    /**
     * No transactions (a statement's effects are final when it ends), forward-only read-only cursors, batches run
     * one statement after another, and savepoints only where {@code Transactions=emulate} lets a tool's nested
     * transaction run.
     */
    @Test
    void transactionAndResultSetAnswers() throws SQLException {
        try (Connection connection = connect("")) {
            DatabaseMetaData m = connection.getMetaData();
            Map<String, Boolean> answers = new LinkedHashMap<>();
            answers.put("supportsTransactions", m.supportsTransactions());
            answers.put("isolationNone", m.supportsTransactionIsolationLevel(Connection.TRANSACTION_NONE));
            answers.put("isolationReadCommitted",
                    m.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_COMMITTED));
            answers.put("supportsDataDefinitionAndDataManipulationTransactions",
                    m.supportsDataDefinitionAndDataManipulationTransactions());
            answers.put("supportsDataManipulationTransactionsOnly", m.supportsDataManipulationTransactionsOnly());
            answers.put("dataDefinitionCausesTransactionCommit", m.dataDefinitionCausesTransactionCommit());
            answers.put("dataDefinitionIgnoredInTransactions", m.dataDefinitionIgnoredInTransactions());
            answers.put("supportsOpenCursorsAcrossCommit", m.supportsOpenCursorsAcrossCommit());
            answers.put("supportsOpenCursorsAcrossRollback", m.supportsOpenCursorsAcrossRollback());
            answers.put("supportsOpenStatementsAcrossCommit", m.supportsOpenStatementsAcrossCommit());
            answers.put("supportsOpenStatementsAcrossRollback", m.supportsOpenStatementsAcrossRollback());
            answers.put("forwardOnly", m.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
            answers.put("scrollInsensitive", m.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
            answers.put("forwardOnlyReadOnly",
                    m.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY));
            answers.put("forwardOnlyUpdatable",
                    m.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE));
            answers.put("scrollReadOnly",
                    m.supportsResultSetConcurrency(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY));
            int type = ResultSet.TYPE_FORWARD_ONLY;
            answers.put("ownUpdatesAreVisible", m.ownUpdatesAreVisible(type));
            answers.put("ownDeletesAreVisible", m.ownDeletesAreVisible(type));
            answers.put("ownInsertsAreVisible", m.ownInsertsAreVisible(type));
            answers.put("othersUpdatesAreVisible", m.othersUpdatesAreVisible(type));
            answers.put("othersDeletesAreVisible", m.othersDeletesAreVisible(type));
            answers.put("othersInsertsAreVisible", m.othersInsertsAreVisible(type));
            answers.put("updatesAreDetected", m.updatesAreDetected(type));
            answers.put("deletesAreDetected", m.deletesAreDetected(type));
            answers.put("insertsAreDetected", m.insertsAreDetected(type));
            answers.put("supportsBatchUpdates", m.supportsBatchUpdates());
            answers.put("supportsSavepoints", m.supportsSavepoints());
            answers.put("supportsNamedParameters", m.supportsNamedParameters());
            answers.put("supportsMultipleOpenResults", m.supportsMultipleOpenResults());
            answers.put("supportsGetGeneratedKeys", m.supportsGetGeneratedKeys());
            answers.put("hold", m.supportsResultSetHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT));
            answers.put("close", m.supportsResultSetHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT));
            answers.put("holdability0", m.supportsResultSetHoldability(0));
            answers.put("locatorsUpdateCopy", m.locatorsUpdateCopy());
            answers.put("supportsStatementPooling", m.supportsStatementPooling());
            answers.put("supportsStoredFunctionsUsingCallSyntax", m.supportsStoredFunctionsUsingCallSyntax());
            answers.put("autoCommitFailureClosesAllResultSets", m.autoCommitFailureClosesAllResultSets());
            answers.put("generatedKeyAlwaysReturned", m.generatedKeyAlwaysReturned());
            answers.put("supportsRefCursors", m.supportsRefCursors());
            answers.put("supportsSharding", m.supportsSharding());
            answers.put("doesMaxRowSizeIncludeBlobs", m.doesMaxRowSizeIncludeBlobs());
            assertThat(answers).containsExactlyEntriesOf(expected(
                    "supportsTransactions=false", "isolationNone=true", "isolationReadCommitted=false",
                    "supportsDataDefinitionAndDataManipulationTransactions=false",
                    "supportsDataManipulationTransactionsOnly=false", "dataDefinitionCausesTransactionCommit=false",
                    "dataDefinitionIgnoredInTransactions=false", "supportsOpenCursorsAcrossCommit=true",
                    "supportsOpenCursorsAcrossRollback=true", "supportsOpenStatementsAcrossCommit=true",
                    "supportsOpenStatementsAcrossRollback=true", "forwardOnly=true", "scrollInsensitive=false",
                    "forwardOnlyReadOnly=true", "forwardOnlyUpdatable=false", "scrollReadOnly=false",
                    "ownUpdatesAreVisible=false", "ownDeletesAreVisible=false", "ownInsertsAreVisible=false",
                    "othersUpdatesAreVisible=false", "othersDeletesAreVisible=false", "othersInsertsAreVisible=false",
                    "updatesAreDetected=false", "deletesAreDetected=false", "insertsAreDetected=false",
                    "supportsBatchUpdates=true", "supportsSavepoints=false", "supportsNamedParameters=false",
                    "supportsMultipleOpenResults=true", "supportsGetGeneratedKeys=false", "hold=true", "close=true",
                    "holdability0=false", "locatorsUpdateCopy=false", "supportsStatementPooling=false",
                    "supportsStoredFunctionsUsingCallSyntax=false", "autoCommitFailureClosesAllResultSets=false",
                    "generatedKeyAlwaysReturned=false", "supportsRefCursors=false", "supportsSharding=false",
                    "doesMaxRowSizeIncludeBlobs=false"));
            assertThat(m.getDefaultTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
            assertThat(m.getResultSetHoldability()).isEqualTo(ResultSet.HOLD_CURSORS_OVER_COMMIT);
            assertThat(m.getSQLStateType()).isEqualTo(DatabaseMetaData.sqlStateSQL);
            assertThat(m.getRowIdLifetime()).isEqualTo(RowIdLifetime.ROWID_UNSUPPORTED);
        }
        try (Connection connection = connect("Transactions=emulate")) {
            assertThat(connection.getMetaData().supportsSavepoints()).isTrue();
        }
    }

    /** Glue limits database and table names to 255 characters, Athena a query to 262,144 bytes; 0 is "no limit". */
    @Test
    void limitsAndNames() throws SQLException {
        try (Connection connection = connect("")) {
            DatabaseMetaData m = connection.getMetaData();
            assertThat(m.getMaxSchemaNameLength()).isEqualTo(255);
            assertThat(m.getMaxTableNameLength()).isEqualTo(255);
            assertThat(m.getMaxStatementLength()).isEqualTo(262_144);
            int[] unknown = {m.getMaxBinaryLiteralLength(), m.getMaxCharLiteralLength(), m.getMaxColumnNameLength(),
                m.getMaxColumnsInGroupBy(), m.getMaxColumnsInIndex(), m.getMaxColumnsInOrderBy(),
                m.getMaxColumnsInSelect(), m.getMaxColumnsInTable(), m.getMaxConnections(),
                m.getMaxCursorNameLength(), m.getMaxIndexLength(), m.getMaxProcedureNameLength(),
                m.getMaxCatalogNameLength(), m.getMaxRowSize(), m.getMaxStatements(), m.getMaxTablesInSelect(),
                m.getMaxUserNameLength()};
            assertThat(unknown).containsOnly(0);
            assertThat(m.getDatabaseProductVersion()).isEqualTo("3");
            assertThat(m.getDatabaseMajorVersion()).isEqualTo(3);
            assertThat(m.getDatabaseMinorVersion()).isZero();
            assertThat(m.getDriverName()).isEqualTo("Connecty Athena JDBC");
            assertThat(m.getDriverVersion()).startsWith(m.getDriverMajorVersion() + "." + m.getDriverMinorVersion());
            assertThat(m.getSearchStringEscape()).isEqualTo("\\");
            assertThat(m.getExtraNameCharacters()).isEmpty();
            assertThat(m.getSchemaTerm()).isEqualTo("schema");
            assertThat(m.getCatalogTerm()).isEqualTo("catalog");
            assertThat(m.getProcedureTerm()).isEqualTo("procedure");
            assertThat(m.getCatalogSeparator()).isEqualTo(".");
            assertThat(m.getSQLKeywords().split(",")).contains("SKIP", "LIMIT").doesNotContain("SELECT");
            assertThat(m.getNumericFunctions().split(",")).contains("abs", "cot", "truncate");
            assertThat(m.getStringFunctions().split(",")).contains("ucase", "left", "substring");
            assertThat(m.getSystemFunctions().split(",")).containsExactly("database", "ifnull", "user");
            assertThat(m.getTimeDateFunctions().split(",")).contains("curdate", "timestampadd", "year");
            // {fn convert(...)} is a CAST: a number becomes text, bytes never become a number.
            assertThat(m.supportsConvert(java.sql.Types.INTEGER, java.sql.Types.VARCHAR)).isTrue();
            assertThat(m.supportsConvert(java.sql.Types.VARBINARY, java.sql.Types.INTEGER)).isFalse();
            assertThat(m.getConnection()).isSameAs(connection);
            assertThat(m.isWrapperFor(AthenaDatabaseMetaData.class)).isTrue();
            assertThat(m.isWrapperFor(Connection.class)).isFalse();
            assertThat(m.isWrapperFor(null)).isFalse();
            assertThat(m.unwrap(AthenaDatabaseMetaData.class)).isSameAs(m);
        }
        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    /** The javadoc's three client info names are known; any other is kept with a warning. */
    @Test
    void clientInfoNamesTheDriverKnows() throws SQLException {
        try (Connection connection = connect("")) {
            connection.setClientInfo("ApplicationName", "etl");
            connection.setClientInfo("ClientUser", "ana");
            connection.setClientInfo("ClientHostname", "host1");
            assertThat((Object) connection.getWarnings()).isNull();
            connection.setClientInfo("Team", "data");
            assertThat(connection.getWarnings().getMessage()).startsWith("Client info Team is not a property");
            assertThat(connection.getClientInfo("Team")).isEqualTo("data");
        }
    }

    private static Map<String, Boolean> expected(String... entries) {
        Map<String, Boolean> map = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            map.put(entry.substring(0, equals), Boolean.valueOf(entry.substring(equals + 1)));
        }
        return map;
    }
}
