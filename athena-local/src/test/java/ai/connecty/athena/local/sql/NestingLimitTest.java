package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What counts as a nesting level, counted on the statement's tokens before Trino's grammar. */
class NestingLimitTest {

    private static final int MAX = NestingLimit.MAX_DEPTH;

    private static void check(String sql) {
        NestingLimit.check(SqlLexer.significant(sql));
    }

    @Test
    void bracketsAndCaseExpressionsAreLevels() {
        assertThatCode(() -> check("SELECT " + "(".repeat(MAX) + "1" + ")".repeat(MAX))).doesNotThrowAnyException();
        assertTooLarge("SELECT " + "(".repeat(MAX + 1) + "1" + ")".repeat(MAX + 1));
        assertTooLarge("SELECT " + "ARRAY[".repeat(MAX + 1) + "1" + "]".repeat(MAX + 1));
        assertTooLarge("SELECT " + "CASE WHEN true THEN ".repeat(MAX + 1) + "1" + " END".repeat(MAX + 1));
        // Mixed: a CASE inside brackets inside a CASE ...
        assertTooLarge("SELECT " + "CASE WHEN true THEN (".repeat(MAX / 2 + 1) + "1" + ") END".repeat(MAX / 2 + 1));
    }

    @Test
    void levelsCountAlongOneNestNotAcrossTheStatement() {
        String nest = "(".repeat(MAX) + "1" + ")".repeat(MAX);
        assertThatCode(() -> check("SELECT " + nest + ", " + nest + ", " + nest)).doesNotThrowAnyException();
        // An END that closes no CASE does not make room for deeper nesting later.
        assertTooLarge("SELECT end" + " end".repeat(10) + ", " + "(".repeat(MAX + 1) + "1" + ")".repeat(MAX + 1));
    }

    @Test
    void bracketsInStringsAndCommentsAreText() {
        assertThatCode(() -> check("SELECT '" + "(".repeat(MAX + 1) + "' /* " + "(".repeat(MAX + 1) + " */"))
                .doesNotThrowAnyException();
    }

    /**
     * The whole statement check refuses before parsing, as StartQueryExecution answers a syntax error. The guard only
     * stops a hang: handed to Trino's parser, this nest took minutes.
     */
    @Test
    void aTooDeepStatementIsRefusedInTrinosWords() {
        String deep = "SELECT " + "(".repeat(30_000) + "1" + ")".repeat(30_000);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(() -> SqlStatement.of(deep))
                .isInstanceOfSatisfying(SqlRejectedException.class, e -> {
                    assertThat(e.athenaErrorCode()).isEqualTo("MALFORMED_QUERY");
                    assertThat(e.getMessage())
                            .isEqualTo("line 1:1: statement is too large (stack overflow while parsing)");
                }));
    }

    private static void assertTooLarge(String sql) {
        assertThatThrownBy(() -> check(sql)).isInstanceOfSatisfying(SqlRejectedException.class, e -> {
            assertThat(e.athenaErrorCode()).isEqualTo("MALFORMED_QUERY");
            assertThat(e.getMessage()).isEqualTo(TrinoSql.TOO_LARGE);
        });
    }
}
