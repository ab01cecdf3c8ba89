package ai.connecty.athena.jdbc.execution;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.jdbc.results.ColumnSpec;
import java.sql.ResultSetMetaData;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.ColumnNullable;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.ResultSet;
import software.amazon.awssdk.services.athena.model.ResultSetMetadata;
import software.amazon.awssdk.services.athena.model.StatementType;

/**
 * What JDBC makes of a query that SUCCEEDED (a result set, or an update count, counted or not) and the column
 * descriptions read from its first page, straight from Athena's answers.
 */
class CompletedQueryTest {

    private static CompletedQuery query(StatementType type, String substatement, Long updateCount, ColumnInfo... columns) {
        QueryExecution execution = QueryExecution.builder().queryExecutionId("q").statementType(type)
                .substatementType(substatement).build();
        GetQueryResultsResponse.Builder page = GetQueryResultsResponse.builder().updateCount(updateCount);
        if (columns.length > 0) {
            page.resultSet(ResultSet.builder().resultSetMetadata(ResultSetMetadata.builder().columnInfo(columns).build())
                    .build());
        }
        return new CompletedQuery(execution, page.build());
    }

    private static ColumnInfo column(String name) {
        return ColumnInfo.builder().name(name).label(name).type("bigint").build();
    }

    @Test
    void aSelectIsAResultSetWithoutUpdateCount() {
        CompletedQuery select = query(StatementType.DML, "SELECT", 0L, column("x"));

        assertThat(select.hasResultSet()).isTrue();
        assertThat(select.updateCount()).isEqualTo(-1);
        assertThat(select.countedRows()).isFalse();
        assertThat(select.hasHeaderRow()).isTrue();
        assertThat(select.queryExecutionId()).isEqualTo("q");
    }

    @Test
    void rowCountingStatementsGiveTheirCountAndNoResultSetEvenWithAColumn() {
        for (String substatement : new String[] {"INSERT", "UPDATE", "DELETE", "MERGE", "CREATE_TABLE_AS_SELECT", "UNLOAD"}) {
            CompletedQuery counted = query(StatementType.DML, substatement, 42L, column("rows"));

            assertThat(counted.hasResultSet()).as(substatement).isFalse();
            assertThat(counted.updateCount()).as(substatement).isEqualTo(42);
            assertThat(counted.countedRows()).as(substatement).isTrue();
        }
    }

    @Test
    void aRowCountingStatementWithoutUpdateCountCountsNothing() {
        CompletedQuery insert = query(StatementType.DML, "INSERT", null, column("rows"));

        assertThat(insert.hasResultSet()).isFalse();
        assertThat(insert.updateCount()).isZero();
        assertThat(insert.countedRows()).isFalse();
    }

    @Test
    void ddlWithoutColumnsIsZeroUncountedEvenWithAnUpdateCount() {
        CompletedQuery ddl = query(StatementType.DDL, "CREATE_TABLE", 7L);

        assertThat(ddl.columns()).isEmpty();
        assertThat(ddl.hasResultSet()).isFalse();
        assertThat(ddl.updateCount()).isZero();
        assertThat(ddl.countedRows()).isFalse();
        assertThat(ddl.hasHeaderRow()).isFalse();
    }

    @Test
    void aStatementWithoutSubstatementTypeAndWithoutColumnsIsZero() {
        CompletedQuery unknown = query(null, null, 5L);

        assertThat(unknown.hasResultSet()).isFalse();
        assertThat(unknown.updateCount()).isZero();
        assertThat(unknown.countedRows()).isFalse();
        assertThat(unknown.hasHeaderRow()).isFalse();
    }

    @Test
    void onlyDmlAndShowFunctionsStartWithAHeaderRow() {
        assertThat(query(StatementType.UTILITY, "SHOW_FUNCTIONS", null, column("Function")).hasHeaderRow()).isTrue();
        assertThat(query(StatementType.UTILITY, "SHOW_TABLES", null, column("tab_name")).hasHeaderRow()).isFalse();
        assertThat(query(StatementType.DDL, "SHOW_TABLES", null, column("tab_name")).hasResultSet()).isTrue();
    }

    @Test
    void aFirstPageWithoutMetadataHasNoColumns() {
        QueryExecution execution = QueryExecution.builder().queryExecutionId("q").substatementType("SELECT").build();
        CompletedQuery noMetadata = new CompletedQuery(execution, GetQueryResultsResponse.builder()
                .resultSet(ResultSet.builder().build()).build());

        assertThat(noMetadata.columns()).isEmpty();
        assertThat(noMetadata.hasResultSet()).isFalse();
    }

    @Test
    void columnInfoBecomesTheColumnsDescription() {
        List<ColumnSpec> specs = query(StatementType.DML, "SELECT", null,
                ColumnInfo.builder().name("price").label("Price").type("decimal").precision(10).scale(2)
                        .caseSensitive(true).nullable(ColumnNullable.NOT_NULL).build(),
                ColumnInfo.builder().name("n").type("varchar").caseSensitive(false).nullable(ColumnNullable.NULLABLE).build(),
                ColumnInfo.builder().nullable(ColumnNullable.UNKNOWN).build(),
                ColumnInfo.builder().label("only_label").build()).columns();

        assertThat(specs).extracting(ColumnSpec::name).containsExactly("price", "n", "_col2", "only_label");
        assertThat(specs.get(0).label()).isEqualTo("Price");
        assertThat(specs.get(0).precision()).isEqualTo(10);
        assertThat(specs.get(0).scale()).isEqualTo(2);
        assertThat(specs.get(0).caseSensitive()).isTrue();
        assertThat(specs.get(1).caseSensitive()).isFalse();
        assertThat(specs.get(2).caseSensitive()).isFalse();
        assertThat(specs).extracting(ColumnSpec::nullable).containsExactly(ResultSetMetaData.columnNoNulls,
                ResultSetMetaData.columnNullable, ResultSetMetaData.columnNullableUnknown,
                ResultSetMetaData.columnNullableUnknown);
        assertThat(specs.get(2).athenaType()).isEqualTo("unknown");
        assertThat(specs.get(2).precision()).isZero();
        assertThat(specs.get(2).scale()).isZero();
    }
}
