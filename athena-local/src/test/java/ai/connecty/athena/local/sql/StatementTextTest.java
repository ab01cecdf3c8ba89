package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StatementTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT 1;|SELECT 1",
        "  SELECT 1 ;  |SELECT 1",
        ";;SELECT 1;;|SELECT 1",
        "; ;SELECT 1; ;|SELECT 1",
        "SELECT ';' AS x|SELECT ';' AS x",
        "SELECT \"a;b\" FROM t|SELECT \"a;b\" FROM t",
        "SELECT 1 /* ; */|SELECT 1 /* ; */",
    })
    void stripsWhitespaceAndSemicolons(String input, String expected) {
        assertThat(StatementText.normalize(input)).isEqualTo(expected);
    }

    @Test
    void keepsLeadingComments() {
        assertThat(StatementText.normalize("-- note\nSELECT 1;\n")).isEqualTo("-- note\nSELECT 1");
        assertThat(StatementText.normalize("SELECT 'it''s; fine' -- c;\n")).isEqualTo("SELECT 'it''s; fine' -- c;");
    }

    @Test
    void rejectsSeveralStatements() {
        assertThatThrownBy(() -> StatementText.normalize("SELECT 1; SELECT 2  "))
                .isInstanceOfSatisfying(SqlRejectedException.class, e -> {
                    assertThat(e.athenaErrorCode()).isEqualTo("MALFORMED_QUERY");
                    assertThat(e.getMessage()).isEqualTo("Only one sql statement is allowed. Got: SELECT 1; SELECT 2");
                });
    }

    @Test
    void rejectsEmptyStatement() {
        assertThatThrownBy(() -> StatementText.normalize(";"))
                .isInstanceOf(SqlRejectedException.class).hasMessage("Empty sql statement: ;");
    }

    @Test
    void rejectsCommentOnlyTextAtEndOfInput() {
        assertThatThrownBy(() -> StatementText.normalize("-- only"))
                .hasMessageStartingWith("line 1:8: mismatched input '<EOF>'. Expecting: 'ALTER', 'ANALYZE'")
                .hasMessageEndingWith("'USE', <query>");
        assertThatThrownBy(() -> StatementText.normalize("/* only */"))
                .hasMessageStartingWith("line 1:11: mismatched input '<EOF>'.");
    }
}
