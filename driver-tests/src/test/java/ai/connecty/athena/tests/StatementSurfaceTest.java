package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Statement and Connection surface tools touch: catalog/database selection, escapes, limits, lifecycle. */
@ExtendWith(LocalAthenaExtension.class)
class StatementSurfaceTest {

    private static LocalAthena athena;

    @Test
    void dbeaversSetCatalogWithADatabaseNameSelectsThatDatabase() throws SQLException {
        try (Connection c = Connections.connectyUser(athena); Statement s = c.createStatement()) {
            String catalog = c.getCatalog();
            c.setCatalog("demo");
            assertThat(c.getCatalog()).isEqualTo(catalog);
            assertThat(c.getSchema()).isEqualTo("demo");
            assertThat((Object) c.getWarnings()).isNotNull();
            assertThat(c.getWarnings().getMessage()).contains("now the current database");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM customers")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isPositive();
            }
            c.setCatalog(catalog.toLowerCase());
            assertThat(c.getCatalog()).isEqualTo(catalog.toLowerCase());
            c.setSchema("default");
            assertThat(c.getSchema()).isEqualTo("default");
            c.setCatalog("no_such_thing");
            assertThat(c.getCatalog()).isEqualTo("no_such_thing");
        }
    }

    /**
     * Client info as JDBC's javadoc has it: getClientInfoProperties names the properties the driver knows (it listed
     * none, while setClientInfo("ApplicationName") was kept), ApplicationName reads the connection's ApplicationName
     * property until set, and a name the driver does not know leaves a SQLWarning ("The driver generates a warning if
     * the client info name specified is not recognized") while still being kept.
     */
    @Test
    void clientInfoNamesTheKnownPropertiesAndWarnsOfOthers() throws SQLException {
        try (Connection c = Connections.connectyUser(athena, "ApplicationName=reporting")) {
            java.util.Map<String, String> known = new java.util.LinkedHashMap<>();
            try (ResultSet rs = c.getMetaData().getClientInfoProperties()) {
                while (rs.next()) {
                    known.put(rs.getString("NAME"), rs.getString("DEFAULT_VALUE"));
                    assertThat(rs.getInt("MAX_LEN")).isPositive();
                    assertThat(rs.getString("DESCRIPTION")).isNotBlank();
                }
            }
            assertThat(known).containsOnlyKeys("ApplicationName", "ClientUser", "ClientHostname")
                    .containsEntry("ApplicationName", "reporting");
            assertThat(c.getClientInfo("ApplicationName")).isEqualTo("reporting");
            assertThat(c.getClientInfo().getProperty("ApplicationName")).isEqualTo("reporting");
            c.clearWarnings();
            c.setClientInfo("ApplicationName", "DBeaver");
            c.setClientInfo("ClientUser", "ana");
            assertThat((Object) c.getWarnings()).isNull();
            assertThat(c.getClientInfo("ApplicationName")).isEqualTo("DBeaver");
            c.setClientInfo("Tracing", "on");
            assertThat((Object) c.getWarnings()).isNotNull();
            assertThat(c.getWarnings().getMessage()).contains("Tracing").contains("ApplicationName");
            assertThat(c.getClientInfo("Tracing")).isEqualTo("on");
        }
    }

    /**
     * The calls Metabase's generic JDBC driver makes (shared/reference/peers-and-models.md, its sql_jdbc execute
     * namespace): connection set-up, then every statement created FORWARD_ONLY, READ_ONLY and
     * CLOSE_CURSORS_AT_COMMIT, a forward fetch direction, a fetch size and a row limit, values read with
     * getObject(i, java.time class). None of them may fail or leave a warning behind: Metabase does not catch
     * the statement's creation, so a refused holdability failed every query it ran.
     */
    @Test
    void metabasesCallsRunWithoutAFailureOrAWarning() throws SQLException {
        try (Connection c = Connections.connectyUser(athena)) {
            java.sql.DatabaseMetaData metaData = c.getMetaData();
            assertThat(metaData.supportsResultSetHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT)).isTrue();
            assertThat(metaData.supportsResultSetHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT)).isTrue();
            assertThat(metaData.supportsResultSetHoldability(99)).isFalse();
            assertThat(metaData.getResultSetHoldability()).isEqualTo(ResultSet.HOLD_CURSORS_OVER_COMMIT);
            if (metaData.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_UNCOMMITTED)) {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            }
            c.setReadOnly(true);
            c.setAutoCommit(true);
            c.setHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT);
            try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                    ResultSet.CLOSE_CURSORS_AT_COMMIT)) {
                s.setFetchDirection(ResultSet.FETCH_FORWARD);
                if (s.getFetchSize() == 0) {
                    s.setFetchSize(500);
                }
                s.setMaxRows(2000);
                assertThat(s.execute("SELECT id, name, signup_date FROM demo.customers ORDER BY id")).isTrue();
                try (ResultSet rs = s.getResultSet()) {
                    assertThat(rs.getHoldability()).isEqualTo(ResultSet.CLOSE_CURSORS_AT_COMMIT);
                    assertThat(rs.getMetaData().getColumnLabel(3)).isEqualTo("signup_date");
                    assertThat(rs.getMetaData().getColumnTypeName(3)).isEqualTo("date");
                    assertThat(rs.getMetaData().getColumnType(3)).isEqualTo(java.sql.Types.DATE);
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getObject(1, Integer.class)).isEqualTo(1);
                    assertThat(rs.getObject(3, java.time.LocalDate.class)).isNotNull();
                }
            }
            try (java.sql.PreparedStatement p = c.prepareStatement("SELECT count(*) FROM demo.customers WHERE id <= ?",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, ResultSet.CLOSE_CURSORS_AT_COMMIT)) {
                p.setObject(1, 3);
                try (ResultSet rs = p.executeQuery()) {
                    assertThat(rs.getHoldability()).isEqualTo(ResultSet.CLOSE_CURSORS_AT_COMMIT);
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(3);
                }
            }
            assertThat((Object) c.getWarnings()).isNull();
        }
    }

    /** What the enquote methods write is SQL Athena runs: reserved words and odd names as names, text as text. */
    @Test
    void enquotedNamesAndLiteralsRunAsWritten() throws SQLException {
        try (Connection c = Connections.connectyUser(athena); Statement s = c.createStatement()) {
            String sql = "SELECT " + s.enquoteNCharLiteral("it's \u00e9") + " AS " + s.enquoteIdentifier("order", false)
                    + ", " + s.enquoteLiteral("x") + " AS " + s.enquoteIdentifier("say \"hi\"", false)
                    + ", 1 AS " + s.enquoteIdentifier("plain", false);
            try (ResultSet rs = s.executeQuery(sql)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("order")).isEqualTo("it's \u00e9");
                assertThat(rs.getString("say \"hi\"")).isEqualTo("x");
                assertThat(rs.getInt("plain")).isEqualTo(1);
            }
        }
    }

    @Test
    void jdbcEscapesAreTranslatedUnlessTurnedOff() throws SQLException {
        try (Connection c = Connections.connectyUser(athena); Statement s = c.createStatement()) {
            assertThat(c.nativeSQL("SELECT {fn ucase('a')}")).isEqualTo("SELECT upper('a')");
            try (ResultSet rs = s.executeQuery("SELECT {d '2020-01-02'} AS d, {fn ucase('x')} AS u, '{d x}' AS t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("2020-01-02");
                assertThat(rs.getString(2)).isEqualTo("X");
                assertThat(rs.getString(3)).isEqualTo("{d x}");
            }
            s.setEscapeProcessing(false);
            assertThatThrownBy(() -> s.executeQuery("SELECT {d '2020-01-02'}")).isInstanceOf(SQLException.class);
        }
    }

    /**
     * The escape functions whose Athena namesake differs from the Open Group definition JDBC refers to: LOCATE takes
     * the string searched second (strpos first), DAYOFWEEK counts Sunday as 1 (day_of_week: Monday), TIMESTAMPADD and
     * TIMESTAMPDIFF take an SQL_TSI_ interval keyword, RAND's argument is a seed (Athena's rand(n) a bound).
     */
    @Test
    void escapeFunctionsFollowTheOpenGroupDefinitions() throws SQLException {
        try (Connection c = Connections.connectyUser(athena); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT {fn locate('b', 'abcb')}, {fn locate('b', 'abcb', 3)}, "
                     + "{fn locate('z', 'abc')}, {fn locate('b', 'abc', 3)}, "
                     + "{fn dayofweek(DATE '2024-01-07')}, {fn dayofweek(DATE '2024-01-06')}, "
                     + "{fn dayofweek(DATE '2024-01-01')}, {fn dayofmonth(DATE '2024-01-31')}, "
                     + "{fn timestampadd(SQL_TSI_DAY, 2, TIMESTAMP '2024-01-31 10:00:00')}, "
                     + "{fn timestampadd(SQL_TSI_MONTH, 1, {d '2024-01-31'})}, "
                     + "{fn timestampdiff(SQL_TSI_HOUR, {ts '2024-01-01 00:00:00'}, {ts '2024-01-02 06:00:00'})}, "
                     + "{fn TIMESTAMPDIFF(sql_tsi_week, DATE '2024-01-01', DATE '2024-01-29')}")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("locate: where the first string is in the second").isEqualTo(2);
            assertThat(rs.getInt(2)).as("locate from position 3").isEqualTo(4);
            assertThat(rs.getInt(3)).as("locate: absent").isZero();
            assertThat(rs.getInt(4)).as("locate from position 3: absent after it").isZero();
            assertThat(rs.getInt(5)).as("dayofweek: Sunday").isEqualTo(1);
            assertThat(rs.getInt(6)).as("dayofweek: Saturday").isEqualTo(7);
            assertThat(rs.getInt(7)).as("dayofweek: Monday").isEqualTo(2);
            assertThat(rs.getInt(8)).as("dayofmonth").isEqualTo(31);
            assertThat(rs.getString(9)).startsWith("2024-02-02 10:00:00");
            assertThat(rs.getString(10)).isEqualTo("2024-02-29");
            assertThat(rs.getLong(11)).isEqualTo(30L);
            assertThat(rs.getLong(12)).isEqualTo(4L);
        }
    }

    /**
     * The Open Group string functions whose Athena namesake differs or is missing: REPEAT gives a string (Athena's
     * repeat an array: {fn repeat('a', 3)} read as [a, a, a]), LEFT and RIGHT (keywords in Athena: a syntax error) the
     * first or last characters, SPACE that many blanks. NULL stays NULL; getStringFunctions names them.
     */
    @Test
    void openGroupStringFunctionsAthenaLacksAreTranslated() throws SQLException {
        try (Connection c = Connections.connectyUser(athena); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT {fn repeat('ab', 3)}, {fn repeat('ab', 0)}, "
                     + "{fn repeat(CAST(NULL AS varchar), 2)}, {fn left('abc', 2)}, {fn left('abc', 5)}, "
                     + "{fn right('abc', 2)}, {fn right('abc', 5)}, {fn right('abc', 0)}, "
                     + "{fn concat({fn space(2)}, 'x')}, {fn right(CAST(NULL AS varchar), 1)}, {fn repeat('', 2)}, "
                     + "{fn repeat('ab', -1)}")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(java.sql.Types.VARCHAR);
            assertThat(rs.getString(1)).isEqualTo("ababab");
            assertThat(rs.getString(2)).isEmpty();
            assertThat(rs.getString(3)).isNull();
            assertThat(rs.getString(4)).isEqualTo("ab");
            assertThat(rs.getString(5)).isEqualTo("abc");
            assertThat(rs.getString(6)).isEqualTo("bc");
            assertThat(rs.getString(7)).isEqualTo("abc");
            assertThat(rs.getString(8)).isEmpty();
            assertThat(rs.getString(9)).isEqualTo("  x");
            assertThat(rs.getString(10)).isNull();
            assertThat(rs.getString(11)).isEmpty();
            assertThat(rs.getString(12)).isEmpty();
            assertThat(c.getMetaData().getStringFunctions().split(",")).contains("left", "repeat", "right", "space");
        }
    }

    /** JDBC 4.3's {limit rows offset skipped} escape runs as Athena's OFFSET ... LIMIT ... (it was refused). */
    @Test
    void theLimitEscapeLimitsAndSkipsRows() throws SQLException {
        try (Connection c = Connections.connectyUser(athena); Statement s = c.createStatement()) {
            StringBuilder rows = new StringBuilder();
            try (ResultSet rs = s.executeQuery("SELECT x FROM (VALUES 1, 2, 3, 4) t(x) ORDER BY x {limit 2 offset 1}")) {
                while (rs.next()) {
                    rows.append(rs.getInt(1));
                }
            }
            assertThat(rows.toString()).isEqualTo("23");
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "SELECT x FROM (VALUES 1, 2, 3, 4) t(x) WHERE x > ? ORDER BY x {limit 1}")) {
                ps.setInt(1, 2);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(3);
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }

    @Test
    void escapeFunctionsAthenaCannotRunAreRefusedNamingTheWayOut() throws SQLException {
        try (Connection c = Connections.connectyUser(athena)) {
            assertThatThrownBy(() -> c.nativeSQL("SELECT {fn rand(7)}")).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("0A000");
                assertThat(e.getMessage()).contains("seed").contains("{fn rand()}");
            });
            assertThatThrownBy(() -> c.nativeSQL("SELECT {fn timestampadd(SQL_TSI_FRAC_SECOND, 5, {ts '2024-01-01 00:00:00'})}"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("0A000");
                        assertThat(e.getMessage()).contains("SQL_TSI_FRAC_SECOND").contains("date_add('millisecond'");
                    });
            assertThatThrownBy(() -> c.nativeSQL("SELECT {fn timestampdiff(SQL_TSI_FORTNIGHT, a, b)}"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42000");
                        assertThat(e.getMessage()).contains("SQL_TSI_FORTNIGHT").contains("SQL_TSI_DAY");
                    });
            assertThatThrownBy(() -> c.nativeSQL("SELECT {fn locate('a')}")).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getMessage()).contains("locate").contains("2 or 3 arguments"));
        }
    }

    @Test
    void maxRowsLargeCountsAndANewExecuteClosingThePreviousResult() throws SQLException {
        try (Connection c = Connections.connectyUser(athena); Statement s = c.createStatement()) {
            s.setLargeMaxRows(2);
            assertThat(s.getMaxRows()).isEqualTo(2);
            ResultSet first = s.executeQuery("SELECT n FROM demo.numbers ORDER BY n LIMIT 10");
            int rows = 0;
            while (first.next()) {
                rows++;
            }
            assertThat(rows).isEqualTo(2);
            assertThat(s.getLargeUpdateCount()).isEqualTo(-1);
            ResultSet second = s.executeQuery("SELECT 1");
            assertThat(first.isClosed()).isTrue();
            s.closeOnCompletion();
            second.close();
            assertThat(s.isClosed()).isTrue();
        }
    }
}
