package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.athena.model.QueryExecution;

/**
 * RewriteBatchedInserts end to end: a PreparedStatement batch of a single-row INSERT runs as INSERTs of at most 1,000
 * rows (counted among the executions athena-local holds, through the SDK), the table then holds exactly the values
 * bound; with the property off, one query per item; a failing statement stops the batch with the counts of the
 * statements before it, and none of its rows in the table.
 */
@ExtendWith(LocalAthenaExtension.class)
class RewrittenBatchTest {
    private static LocalAthena athena;

    private String db;
    private String table;

    @BeforeEach
    void createTable() throws SQLException {
        db = "rewrite_" + UUID.randomUUID().toString().substring(0, 8);
        table = db + ".items";
        String prefix = "driver-tests/" + db + "/items/";
        try (Connection c = Connections.admin(athena); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
            s.execute("CREATE EXTERNAL TABLE " + table + " (id bigint, name string, amount double, day date, "
                    + "at timestamp) STORED AS PARQUET LOCATION 's3://"
                    + LocalAthena.DEMO_BUCKET + "/" + prefix + "'");
        }
    }

    @AfterEach
    void dropTable() throws SQLException {
        try (Connection c = Connections.admin(athena); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + db + " CASCADE");
        }
    }

    /** Row {@code i}'s values: quotes, an empty string and NULL among the names. */
    private static List<Object> row(long i) {
        String name = i % 7 == 0 ? null : i % 5 == 0 ? "" : "it's row " + i;
        return Arrays.asList(i, name, i / 4.0, LocalDate.of(2024, 1, 1).plusDays(i),
                LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(i * 61));
    }

    private static void bind(PreparedStatement ps, List<Object> row) throws SQLException {
        ps.setLong(1, (Long) row.get(0));
        if (row.get(1) == null) {
            ps.setNull(2, Types.VARCHAR);
        } else {
            ps.setString(2, (String) row.get(1));
        }
        ps.setDouble(3, (Double) row.get(2));
        ps.setDate(4, Date.valueOf((LocalDate) row.get(3)));
        ps.setTimestamp(5, Timestamp.valueOf((LocalDateTime) row.get(4)));
    }

    private String insertSql() {
        return "INSERT INTO " + table + " (id, name, amount, day, at) VALUES (?, ?, ?, ?, ?)";
    }

    private List<List<Object>> tableRows(Connection c) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, name, amount, day, at FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                rows.add(Arrays.asList(rs.getLong(1), rs.getString(2), rs.getDouble(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDateTime.class)));
            }
        }
        return rows;
    }

    /** The INSERTs into this test's table that athena-local ran. */
    private List<QueryExecution> inserts() {
        return Executions.all(athena).stream().filter(execution -> execution.query().startsWith("INSERT INTO " + table))
                .toList();
    }

    @Test
    void twoThousandFiveHundredRowsAreThreeInsertsAndTheTableHoldsExactlyTheirValues() throws SQLException {
        List<List<Object>> expected = new ArrayList<>();
        try (Connection c = Connections.admin(athena); PreparedStatement ps = c.prepareStatement(insertSql())) {
            for (long i = 1; i <= 2500; i++) {
                expected.add(row(i));
                bind(ps, row(i));
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            assertThat(counts).hasSize(2500).containsOnly(1);
            assertThat(inserts()).as("one INSERT per 1,000 rows").hasSize(3)
                    .allSatisfy(e -> assertThat(e.executionParameters()).isNotEmpty());
            assertThat(tableRows(c)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void withTheRewriteOffEachItemIsAQuery() throws SQLException {
        List<List<Object>> expected = new ArrayList<>();
        try (Connection c = Connections.admin(athena, "RewriteBatchedInserts=false");
             PreparedStatement ps = c.prepareStatement(insertSql())) {
            for (long i = 1; i <= 5; i++) {
                expected.add(row(i));
                bind(ps, row(i));
                ps.addBatch();
            }
            assertThat(ps.executeBatch()).containsExactly(1, 1, 1, 1, 1);
            assertThat(inserts()).hasSize(5);
            assertThat(tableRows(c)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aFailingSecondStatementKeepsTheFirstStatementsRowsAndCounts() throws SQLException {
        List<List<Object>> expected = new ArrayList<>();
        try (Connection c = Connections.admin(athena); PreparedStatement ps = c.prepareStatement(insertSql())) {
            for (long i = 1; i <= 2500; i++) {
                if (i <= 1000) {
                    expected.add(row(i));
                }
                bind(ps, row(i));
                if (i == 1500) {
                    // A text for the bigint column: the server refuses the statement, not the driver.
                    ps.setString(1, "not a number");
                }
                ps.addBatch();
            }
            BatchUpdateException failure = catchThrowableOfType(BatchUpdateException.class, ps::executeBatch);
            assertThat((Throwable) failure).as("the batch should have failed").isNotNull();
            assertThat(failure.getMessage()).startsWith("Batch items 1001 to 2000 of 2500 failed (they ran as one"
                    + " INSERT of 1000 rows, and no row of it was inserted): ");
            assertThat(failure.getUpdateCounts()).hasSize(1000).containsOnly(1);
            assertThat((Throwable) failure.getNextException()).isSameAs(failure.getCause()).isNotNull();
            assertThat(failure.getSQLState()).isEqualTo(((SQLException) failure.getCause()).getSQLState());
            assertThat(inserts()).as("the third statement is never sent").hasSize(2);
            assertThat(tableRows(c)).containsExactlyElementsOf(expected);
        }
    }
}
