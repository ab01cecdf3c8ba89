package ai.connecty.athena.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import ai.connecty.athena.jdbc.AthenaDriver;

/**
 * Spring's {@link JdbcTemplate} over the driver: row mapping, single values and lists of maps. Athena has no
 * transactions, so leave Spring's transaction management out of Athena code. Run: {@code java -cp
 * 'examples/target/classes:examples/target/lib/*' ai.connecty.athena.examples.SpringJdbcExample [url]}.
 */
public final class SpringJdbcExample {

    /** One customer, as the row mapper builds it. */
    record Customer(int id, String name, String country) {
    }

    private SpringJdbcExample() {
    }

    public static void main(String[] args) {
        run(LocalSetup.url(args), System.out);
    }

    static void run(String url, PrintStream out) {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new AthenaDriver(), url, LocalSetup.user(),
                LocalSetup.password());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        Long customers = jdbc.queryForObject("SELECT count(*) FROM demo.customers", Long.class);
        out.println("customers: " + customers);
        List<Customer> first = jdbc.query("SELECT id, name, country FROM demo.customers ORDER BY id LIMIT 3",
                (rs, row) -> new Customer(rs.getInt("id"), rs.getString("name"), rs.getString("country")));
        first.forEach(customer -> out.println(customer));
        List<Map<String, Object>> countries = jdbc.queryForList(
                "SELECT country, count(*) AS n FROM demo.customers GROUP BY country ORDER BY country");
        countries.forEach(row -> out.println(row.get("country") + "=" + row.get("n")));
    }
}
