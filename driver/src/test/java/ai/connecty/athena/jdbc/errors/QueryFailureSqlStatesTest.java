package ai.connecty.athena.jdbc.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryFailureSqlStatesTest {
    @ParameterizedTest(name = "category {0}, type {1}, {2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "2, 1301, TABLE_NOT_FOUND, 42P01",
            "2, 1301, SCHEMA_NOT_FOUND, 42704",
            "2, 1006, COLUMN_NOT_FOUND, 42703",
            "2, 1006, SYNTAX_ERROR, 42000",
            "2, 1303, FUNCTION_NOT_FOUND, 42883",
            "2, 1002, TYPE_MISMATCH, 42804",
            "2, 1001, DIVISION_BY_ZERO, 22012",
            "2, 1100, INVALID_CAST_ARGUMENT, 22018",
            "2, 1100, NUMERIC_VALUE_OUT_OF_RANGE, 22003",
            "2, 1106, INVALID_FUNCTION_ARGUMENT, 22000",
            "2, 1001, null, 22000",
            "2, 1002, null, 22000",
            "2, 1200, NOT_SUPPORTED, 42000",
            "2, null, null, 42000",
            "1, 100, null, 58000",
            "1, 100, TABLE_NOT_FOUND, 58000",
            "3, 1, null, HY000",
            "null, null, null, HY000"})
    void mapsAthenaErrorsToSqlStates(Integer category, Integer type, String name, String sqlState) {
        assertThat(QueryFailureSqlStates.sqlState(category, type, name)).isEqualTo(sqlState);
    }
}
