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
