package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every example of {@code examples/} runs against the shared athena-local, through the same entry the one-command
 * launcher uses ({@code RunExample}'s table).
 */
@ExtendWith(LocalAthenaExtension.class)
class ExamplesTest {

    private static LocalAthena athena;

    private static String run(String name) throws Exception {
        Class<?> launcher = Class.forName("ai.connecty.athena.examples.RunExample");
        Method method = Class.forName("ai.connecty.athena.examples.RunExample$Example")
                .getDeclaredMethod("run", LocalAthena.class, PrintStream.class);
        java.lang.reflect.Field field = launcher.getDeclaredField("EXAMPLES");
        field.setAccessible(true);
        Object example = ((Map<?, ?>) field.get(null)).get(name);
        assertThat(example).as("example " + name).isNotNull();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        method.setAccessible(true);
        method.invoke(example, athena, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainJdbc() throws Exception {
        assertThat(run("plain").lines().toList()).contains("DE: 40", "JP: 40").hasSize(5);
    }

    @Test
    void dataSource() throws Exception {
        assertThat(run("datasource").lines().toList()).hasSize(3).allMatch(line -> line.matches("Customer \\d+: \\d+\\.\\d{2}"));
    }

    @Test
    void preparedStatementReusedWithNewValues() throws Exception {
        var lines = run("prepared").lines().toList();
        assertThat(lines).isNotEmpty().allMatch(line -> line.matches("(DE|JP) \\d+ Customer \\d+"));
        assertThat(lines).anyMatch(line -> line.startsWith("DE ")).anyMatch(line -> line.startsWith("JP "));
        assertThat(lines).allMatch(line -> Integer.parseInt(line.split(" ")[1]) < 100);
    }

    @Test
    void hikariPool() throws Exception {
        assertThat(run("hikari").lines().toList()).containsExactly("doohickey: 800", "gadget: 800", "gizmo: 800", "sprocket: 800", "widget: 800");
    }

    @Test
    void springJdbcTemplate() throws Exception {
        assertThat(run("spring").lines().toList()).contains("customers: 200", "Customer[id=1, name=Customer 1, country=DE]", "DE=40");
    }

    @Test
    void metadataBrowsing() throws Exception {
        assertThat(run("metadata").lines().toList()).contains("catalog AwsDataCatalog", "catalog lakehouse", "schema demo",
                "table demo.customers TABLE", "table demo.sales_by_customer VIEW", "column customers.country varchar (java.sql.Types 12)");
    }

    @Test
    void nestedTypes() throws Exception {
        assertThat(run("nested").lines().toList()).contains("numbers array = [1, 2, 3]", "counters map = {a=1, b=2}",
                "item row = {id=42, label=answer}", "event 1 tag=t1 counter_a=1 device=web");
    }
}
