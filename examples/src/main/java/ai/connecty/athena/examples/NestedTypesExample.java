package ai.connecty.athena.examples;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Arrays, maps and rows (structs). Athena returns them as text ({@code [1, 2, 3]}, {@code {a=1, b=2}}) and names
 * only their kind ({@code array}, {@code map}, {@code row}) in the result metadata. To work with the parts, let Athena take them apart: UNNEST an array,
 * index a map, dot into a row, or {@code CAST(x AS JSON)} for a parseable rendering. Run: {@code java -cp
 * 'examples/target/classes:examples/target/lib/*' ai.connecty.athena.examples.NestedTypesExample [url]}.
 */
public final class NestedTypesExample {

    private NestedTypesExample() {
    }

    public static void main(String[] args) throws SQLException {
        run(LocalSetup.url(args), System.out);
    }

    static void run(String url, PrintStream out) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, LocalSetup.user(), LocalSetup.password());
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT ARRAY[1, 2, 3] AS numbers, MAP(ARRAY['a', 'b'], "
                    + "ARRAY[1, 2]) AS counters, CAST(ROW(42, 'answer') AS ROW(id INTEGER, label VARCHAR)) AS item")) {
                ResultSetMetaData columns = rs.getMetaData();
                rs.next();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    out.println(columns.getColumnLabel(i) + " " + columns.getColumnTypeName(i) + " = "
                            + rs.getString(i));
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT e.event_id, t.tag, e.counters['a'] AS counter_a, "
                    + "e.context.device AS device FROM demo.events e CROSS JOIN UNNEST(e.tags) AS t(tag) "
                    + "WHERE e.event_id < 2 ORDER BY e.event_id, t.tag")) {
                while (rs.next()) {
                    out.println("event " + rs.getInt("event_id") + " tag=" + rs.getString("tag") + " counter_a="
                            + rs.getString("counter_a") + " device=" + rs.getString("device"));
                }
            }
        }
    }
}
