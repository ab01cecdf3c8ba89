package ai.connecty.athena.tests.plain;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Spring's JdbcTemplate over the driver found by DriverManager. Arguments: URL, user, password. */
public final class SpringProgram {

    private SpringProgram() {
    }

    public static void main(String[] args) {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(args[0], args[1], args[2]));
        System.out.println("count " + jdbc.queryForObject("SELECT count(*) FROM demo.customers", Long.class));
        List<String> countries = jdbc.queryForList(
                "SELECT DISTINCT country FROM demo.customers ORDER BY country", String.class);
        System.out.println("countries " + countries);
        Map<String, Object> row = jdbc.queryForMap("SELECT id, name FROM demo.customers WHERE id = 7");
        System.out.println("row " + row);
        try {
            jdbc.queryForList("SELECT * FROM demo.no_such_table");
        } catch (org.springframework.dao.DataAccessException e) {
            System.out.println("translated " + e.getClass().getSimpleName());
        }
    }
}
