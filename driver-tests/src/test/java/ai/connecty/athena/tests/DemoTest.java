package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.examples.Demo;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's demo, pointed at the shared athena-local with {@code --url}. */
@ExtendWith(LocalAthenaExtension.class)
class DemoTest {

    private static LocalAthena athena;

    /** What one run of the demo printed and returned. */
    private record Run(int exitCode, String out, String err) {
    }

    private static Run demo(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Demo.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void tourPrintsQueriesAndMetadata() {
        Run run = demo("", "--url", athena.jdbcUrl());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("| product   | sales | units | revenue  |")
                .contains("| widget    |   586 |  2926 | 29099.25 |")
                .contains("|         181 | Customer 181 | DE      |    20 |      1096.00 |")
                .contains("|        0 | click      | t0  |         0 |       0 | mobile |")
                .contains("| [1, 2, 3] | {a=1, b=2} | {id=42, label=answer} | 2024-02-29 | NULL    |")
                .contains("| demo        | sales_by_customer | VIEW       |")
                .contains("| lake        | orders     | TABLE      |")
                .contains("| lakehouse      |")
                .contains("Demo finished.")
                .doesNotContain(LocalAthena.SERVICE_ACCOUNT_SECRET);
    }

    @Test
    void shellRunsPipedStatementsAndReportsFailures() {
        Run ok = demo("SELECT 1 AS x;\nSELECT 'a' AS y\n", "--shell", "--url", athena.jdbcUrl());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("| x |").contains("| 1 |").contains("| y |").contains("| a |");

        Run failed = demo("SELECT * FROM demo.no_such_table;\n\\q\nSELECT 2;\n", "--shell", "--url", athena.jdbcUrl());
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.out()).contains("ERROR 42P01").contains("TABLE_NOT_FOUND").doesNotContain("| 2 |");
    }

    @Test
    void badArgumentsAndUnreachableEndpointsExitWithOne() {
        Run badOption = demo("", "--frobnicate");
        assertThat(badOption.exitCode()).isEqualTo(1);
        assertThat(badOption.err()).contains("unknown option '--frobnicate'");

        Run badUrl = demo("", "--url", "jdbc:connecty-athena://Region=us-east-1;OutputLocation=ftp://nowhere");
        assertThat(badUrl.exitCode()).isEqualTo(1);
        assertThat(badUrl.err()).startsWith("demo failed:").contains("OutputLocation");
    }

    @Test
    void helpExitsWithZero() {
        Run help = demo("", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--shell").contains("--url");
    }
}
