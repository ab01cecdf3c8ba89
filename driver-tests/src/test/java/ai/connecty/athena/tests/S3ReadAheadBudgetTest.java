package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.AthenaResultSet;
import ai.connecty.athena.jdbc.rows.ReadAheadBudget;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import ai.connecty.athena.tests.plain.ManyResultSetsProgram;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The read-ahead budgets end to end: S3ReadAheadMB bounds one result set, the JVM-wide budget all of them. Several
 * large S3 result sets open at once all read every row, whatever the budget leaves them, and the budget is whole
 * again once they are closed: read to the end, closed early, cancelled, or failed.
 */
@ExtendWith(LocalAthenaExtension.class)
class S3ReadAheadBudgetTest {

    private static LocalAthena athena;

    /** 1,000,000 rows of 4 columns: about 40 MB of CSV, 5 or more parts of 8 MiB. */
    private static final String NUMBERS = "SELECT n, square, parity, ratio FROM demo.numbers ORDER BY n";
    private static final long ROWS = 1_000_000;

    @AfterEach
    void clearFaults() {
        athena.faults().clear();
    }

    /** Reads {@code rs} to its end from row {@code n} (counted from 0), checking each row; returns the rows read. */
    private static long readFrom(ResultSet rs, long n) throws SQLException {
        while (rs.next()) {
            assertRow(rs, n++);
        }
        return n;
    }

    private static void assertRow(ResultSet rs, long n) throws SQLException {
        assertThat(rs.getLong(1)).isEqualTo(n);
        assertThat(rs.getLong(2)).isEqualTo(n * n);
        assertThat(rs.getString(3)).isEqualTo(n % 2 == 0 ? "even" : "odd");
    }

    private static List<ResultSet> openAll(Connection c, List<Statement> statements, int count) throws SQLException {
        List<ResultSet> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Statement s = c.createStatement();
            statements.add(s);
            ResultSet rs = s.executeQuery(NUMBERS);
            assertThat(rs.unwrap(AthenaResultSet.class).getResultTransport()).isEqualTo("S3");
            results.add(rs);
        }
        return results;
    }

    /** In turns of 1,000 rows each, as a server serving several extracts at once. */
    private static void readInTurns(List<ResultSet> results) throws SQLException {
        long[] read = new long[results.size()];
        boolean more = true;
        while (more) {
            more = false;
            for (int i = 0; i < results.size(); i++) {
                ResultSet rs = results.get(i);
                for (int turn = 0; turn < 1000 && read[i] < ROWS; turn++) {
                    assertThat(rs.next()).as("result set %d after %d rows", i, read[i]).isTrue();
                    assertRow(rs, read[i]++);
                }
                more |= read[i] < ROWS;
            }
        }
        for (ResultSet rs : results) {
            assertThat(rs.next()).isFalse();
        }
    }

    private static void closeAll(List<Statement> statements) throws SQLException {
        for (Statement s : statements) {
            s.close();
        }
    }

    /** With S3ReadAheadMB=8 each result set reads one part at a time: nothing of the JVM-wide budget is taken. */
    @Test
    void severalResultSetsWithOnePartEachReadEveryRowAndTakeNothingOfTheBudget() throws SQLException {
        ReadAheadBudget budget = ReadAheadBudget.shared();
        long free = budget.availableBytes();
        List<Statement> statements = new ArrayList<>();
        try (Connection c = Connections.connectyUser(athena, "ResultFetcher=S3", "S3ReadAheadMB=8",
                "EnableResultReuseByAge=true")) {
            List<ResultSet> results = openAll(c, statements, 3);
            assertThat(budget.availableBytes()).isEqualTo(free);
            readInTurns(results);
            assertThat(budget.availableBytes()).isEqualTo(free);
            closeAll(statements);
        }
    }

    /** With the default (32), several result sets read ahead from the budget while open, and give it all back. */
    @Test
    void severalResultSetsOpenAtOnceTakeFromTheBudgetAndGiveItAllBack() throws SQLException {
        ReadAheadBudget budget = ReadAheadBudget.shared();
        long free = budget.availableBytes();
        List<Statement> statements = new ArrayList<>();
        try (Connection c = Connections.connectyUser(athena, "ResultFetcher=S3", "EnableResultReuseByAge=true")) {
            List<ResultSet> results = openAll(c, statements, 4);
            assertThat(budget.availableBytes()).as("parts ahead of 4 open result sets").isLessThan(free);
            readInTurns(results);
            assertThat(budget.availableBytes()).as("read to the end").isEqualTo(free);
            closeAll(statements);
            // Closed before the end: the parts still held return at close.
            results = openAll(c, statements, 2);
            assertThat(results.get(0).next()).isTrue();
            results.get(0).close();
            results.get(1).close();
            assertThat(budget.availableBytes()).as("closed early").isEqualTo(free);
        }
        assertThat(budget.availableBytes()).isEqualTo(free);
    }

    @Test
    void aCancelledResultSetGivesItsPartsBack() throws SQLException {
        ReadAheadBudget budget = ReadAheadBudget.shared();
        long free = budget.availableBytes();
        try (Connection c = Connections.connectyUser(athena, "ResultFetcher=S3", "EnableResultReuseByAge=true");
             Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery(NUMBERS);
            assertThat(rs.next()).isTrue();
            s.cancel();
            SQLException e = catchThrowableOfType(SQLException.class, () -> {
                while (rs.next()) {
                    // rows already parsed may still be read; then the cancel shows
                }
            });
            assertThat(e.getSQLState()).isEqualTo("57014");
            assertThat(budget.availableBytes()).as("cancelled, before close").isEqualTo(free);
        }
        assertThat(budget.availableBytes()).isEqualTo(free);
    }

    /** A part whose GETs keep failing ends the read: the parts held return then, before the result set is closed. */
    @Test
    void aFailedReadGivesItsPartsBack() throws SQLException {
        ReadAheadBudget budget = ReadAheadBudget.shared();
        long free = budget.availableBytes();
        try (Connection c = Connections.connectyUser(athena, "ResultFetcher=S3", "EnableResultReuseByAge=true",
                "NumRetries=0");
             Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery(NUMBERS);
            assertThat(rs.next()).isTrue();
            // Parts not started yet (the fifth on) are refused from now on; the stream gives up after 5 attempts.
            athena.faults().set(FaultPlan.of(1, FaultRule.forAction("s3", "GetObject").withErrorRate(1.0)));
            SQLException e = catchThrowableOfType(SQLException.class, () -> readFrom(rs, 1));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getMessage()).contains("s3://");
            assertThat(budget.availableBytes()).as("failed, before close").isEqualTo(free);
            rs.close();
        }
        assertThat(budget.availableBytes()).isEqualTo(free);
    }

    /**
     * A JVM whose budget is one part (-Dconnecty.athena.readAheadBudgetMB=8): four large result sets open at once,
     * three of them left with their one part, all read every row, in turns, and the budget is whole at the end.
     */
    @Test
    void aBudgetOfOnePartServesFourResultSetsAtOnce() throws Exception {
        DriverOnlyJvm.Outcome outcome = runProgram(List.of("-D" + ReadAheadBudget.SYSTEM_PROPERTY + "=8"), 4);
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        for (int i = 0; i < 4; i++) {
            assertThat(outcome.output()).contains("resultSet=" + i + " transport=S3 rows=" + ROWS);
        }
        assertThat(outcome.output()).contains("budgetFree=8388608 budget=8388608");
    }

    /**
     * Eight large result sets open at once in a 224 MB heap. Without the budget their parts alone would take 256
     * MiB (8 x 4 x 8 MiB; 288 MiB of G1 regions, as an array of 8 MiB and its header takes 9 regions of 1 MiB)
     * and the program runs out of memory (checked by hand with -Dconnecty.athena.readAheadBudgetMB=100000). With
     * the default budget (a quarter of the heap: 56 MiB, 7 parts) they hold 8 parts plus 7 ahead: at most 170 MB
     * of heap after a young collection (-Xlog:gc, one run).
     */
    @Test
    void eightLargeResultSetsAtOnceFitIn224MegabytesOfHeap() throws Exception {
        DriverOnlyJvm.Outcome outcome = runProgram(List.of("-Xmx224m"), 8);
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        for (int i = 0; i < 8; i++) {
            assertThat(outcome.output()).contains("resultSet=" + i + " transport=S3 rows=" + ROWS);
        }
        assertThat(outcome.output()).containsPattern("budgetFree=(\\d+) budget=\\1 ");
    }

    private static DriverOnlyJvm.Outcome runProgram(List<String> jvmOptions, int resultSets) throws Exception {
        String url = Connections.url(athena, "RoleArn=" + LocalAthena.ROLE_ARN, "ResultFetcher=S3",
                "EnableResultReuseByAge=true");
        return DriverOnlyJvm.run(jvmOptions, ManyResultSetsProgram.class, url, LocalAthena.SERVICE_ACCOUNT_KEY_ID,
                LocalAthena.SERVICE_ACCOUNT_SECRET, Integer.toString(resultSets), NUMBERS);
    }
}
