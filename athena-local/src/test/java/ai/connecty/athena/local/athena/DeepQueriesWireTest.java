package ai.connecty.athena.local.athena;

import static ai.connecty.athena.local.athena.AthenaQueries.request;
import static ai.connecty.athena.local.athena.AthenaQueries.rows;
import static ai.connecty.athena.local.athena.AthenaQueries.run;
import static ai.connecty.athena.local.athena.AthenaQueries.succeed;
import static ai.connecty.athena.local.athena.AthenaWireTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.SdkClientsExtension;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * Deeply nested and very long statements through the AWS SDK: each gets its answer, a result or Athena's refusal,
 * instead of keeping the server busy. The timeout only stops a hang (before the nesting limit, 30,000 nested brackets
 * kept StartQueryExecution busy for minutes); the outcomes are what is asserted.
 */
@ExtendWith(LocalAthenaExtension.class)
class DeepQueriesWireTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final String TOO_LARGE = "line 1:1: statement is too large (stack overflow while parsing)";

    static LocalAthena local;

    @RegisterExtension
    static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);

    @Test
    void modestNestingAndLongFlatChainsRun() {
        guarded(() -> {
            assertThat(value("SELECT " + nest("(", 100, "1", ")"))).isEqualTo("1");
            assertThat(value("SELECT " + nest("abs(", 100, "-1", ")"))).isEqualTo("1");
            assertThat(value("SELECT " + nest("CASE WHEN true THEN ", 100, "1", " END"))).isEqualTo("1");
            StringBuilder or = new StringBuilder("SELECT count(*) FROM (VALUES 1) v(x) WHERE x = 0");
            for (int i = 1; i < 5000; i++) {
                or.append(" OR x = ").append(i);
            }
            assertThat(value(or.toString())).isEqualTo("1");
        });
    }

    @Test
    void nestingTrinosParserCannotTakeIsRefusedAtStart() {
        guarded(() -> {
            for (String sql : List.of(
                    "SELECT " + nest("(", 30_000, "1", ")"),
                    "SELECT " + nest("abs(", 30_000, "1", ")"),
                    "SELECT " + nest("CASE WHEN true THEN ", 5_000, "1", " END"),
                    "SELECT " + nest("(SELECT ", 5_000, "1", ")"),
                    "SELECT 1" + "+1".repeat(49_999))) {
                assertInvalid(() -> clients.athena().startQueryExecution(request(sql, null).build()),
                        "MALFORMED_QUERY", TOO_LARGE);
            }
        });
    }

    /**
     * Generated SQL joins long lists of values with {@code ||}; Trino parses the chain into calls nested as deep as
     * the chain is long, and Athena runs it. Here too: the right string, NULL when any operand is NULL (Trino's
     * concatenation is null on null), arrays still concatenated.
     */
    @Test
    void longConcatenationChainsRun() {
        guarded(() -> {
            assertThat(value("SELECT 'a' || x || 'b' FROM (VALUES CAST(NULL AS varchar)) v(x)")).isNull();
            assertThat(value("SELECT concat('a', x, 'b') FROM (VALUES CAST(NULL AS varchar)) v(x)")).isNull();
            StringBuilder sql = new StringBuilder("SELECT ");
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 2_000; i++) {
                sql.append(i == 0 ? "" : " || ").append(i % 10 == 9 ? "x" : "'" + i + ",'");
                expected.append(i % 10 == 9 ? "x;" : i + ",");
            }
            String chain = sql.toString();
            assertThat(value(chain + " FROM (VALUES 'x;') v(x)")).isEqualTo(expected.toString());
            assertThat(value(chain + " FROM (VALUES CAST(NULL AS varchar)) v(x)")).isNull();
            assertThat(value("SELECT ARRAY[1, 2] || ARRAY[3] || ARRAY[4, 5]")).isEqualTo("[1, 2, 3, 4, 5]");
            assertThat(value("SELECT 'a' || ('b' || 'c') || 'd'")).isEqualTo("abcd");
        });
    }

    /**
     * A chain of 2,000 {@code +} parses, and is printed for DuckDB as deep as it is long: DuckDB refuses an expression
     * over 1,000 levels deep (a gap: Athena runs it). The query fails with DuckDB's reason and the next one runs.
     */
    @Test
    void anExpressionTooDeepForDuckDbFailsAndTheServerGoesOn() {
        guarded(() -> {
            QueryExecution q = run(clients.athena(), "SELECT 1" + " + 1".repeat(1_999), null);
            assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
            assertThat(q.status().stateChangeReason()).startsWith("GENERIC_USER_ERROR: ")
                    .contains("Max expression depth limit of 1000 exceeded");
            assertThat(q.status().athenaError().errorCategory()).isEqualTo(2);
            assertThat(q.status().athenaError().errorType()).isEqualTo(1000);
            assertThat(value("SELECT 1")).isEqualTo("1");
        });
    }

    /**
     * Nests DuckDB plans in time growing much faster than their depth, in a call nothing interrupts (25 nested EXISTS
     * or 100 nested MAPs took minutes), fail at once as NOT_SUPPORTED; modest nests run.
     */
    @Test
    void nestsDuckDbCannotPlanPromptlyFailAsNotSupported() {
        guarded(() -> {
            assertThat(value("SELECT " + nest("(SELECT ", 10, "1", ")"))).isEqualTo("1");
            assertThat(value("SELECT cardinality(" + nest("MAP(ARRAY[1], ARRAY[", 5, "1", "])") + ")")).isEqualTo("1");
            assertNotSupported("SELECT 1 WHERE " + nest("EXISTS (SELECT 1 WHERE ", 30, "true", ")"),
                    "subqueries in expressions nested more than 20 deep (DuckDB plans them in time that doubles "
                            + "with each level)");
            assertNotSupported("SELECT " + nest("MAP(ARRAY[1], ARRAY[", 100, "1", "])"), "ARRAY, MAP and ROW "
                    + "constructors nested more than 20 deep (DuckDB plans them in time growing faster than the "
                    + "depth)");
        });
    }

    private static void assertNotSupported(String sql, String construct) {
        QueryExecution q = run(clients.athena(), sql, null);
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).isEqualTo("NOT_SUPPORTED: athena-local does not support "
                + construct + " (see athena-local/SQL-GAPS.md)");
        assertThat(q.status().athenaError().errorType()).isEqualTo(1200);
    }

    /** {@code open} written {@code depth} times, then {@code inner}, then {@code close} as often. */
    private static String nest(String open, int depth, String inner, String close) {
        return open.repeat(depth) + inner + close.repeat(depth);
    }

    /** The one value of a query that must succeed. */
    private static String value(String sql) {
        QueryExecution q = succeed(clients.athena(), sql, null);
        return rows(clients.athena(), q.queryExecutionId()).get(1).get(0);
    }

    private static void guarded(Executable body) {
        assertTimeoutPreemptively(HANG_GUARD, body);
    }
}
