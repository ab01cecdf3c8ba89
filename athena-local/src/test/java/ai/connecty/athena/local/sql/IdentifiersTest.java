package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.engine.DuckDbEngine;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void quotesDoubleInnerQuotesAndPlainWordsMayStayBare() {
        assertThat(Identifiers.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(Identifiers.quoteIfNeeded("plain_1")).isEqualTo("plain_1");
        assertThat(Identifiers.quoteIfNeeded("has space")).isEqualTo("\"has space\"");
        assertThat(Identifiers.quoteIfNeeded("1st")).isEqualTo("\"1st\"");
    }

    /** A name with quotes, spaces and case round-trips through DuckDB as one identifier, not as SQL. */
    @Test
    void aQuotedNameCannotBreakOutOfTheStatement() throws Exception {
        String name = "Odd \"; DROP TABLE t; --";
        try (DuckDbEngine engine = new DuckDbEngine(); Statement s = engine.admin().createStatement()) {
            s.execute("CREATE TABLE t AS SELECT 42 AS " + Identifiers.quote(name));
            try (ResultSet rs = s.executeQuery("SELECT " + Identifiers.quote(name) + " FROM t")) {
                assertThat(rs.getMetaData().getColumnName(1)).isEqualTo(name);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }
}
