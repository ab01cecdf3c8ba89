package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.RequestLogEntry;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import ai.connecty.athena.tests.plain.DbeaverLikeProgram;
import ai.connecty.athena.tests.plain.PooledProgram;
import ai.connecty.athena.tests.plain.SpringProgram;
import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real clients load the {@code -all} jar alone, each in a JVM of its own, and work against athena-local: HikariCP,
 * Spring's JdbcTemplate, a DBeaver-like sequence, and H2's command-line JDBC shell.
 */
@ExtendWith(LocalAthenaExtension.class)
class ClientChecksTest {

    private static final String KEY = LocalAthena.SERVICE_ACCOUNT_KEY_ID;
    private static final String SECRET = LocalAthena.SERVICE_ACCOUNT_SECRET;

    private static LocalAthena athena;

    private static String url() {
        return Connections.url(athena, "RoleArn=" + LocalAthena.ROLE_ARN);
    }

    private static String allJarAndClients() throws Exception {
        return ClientClasspaths.allJar() + File.pathSeparator + ClientClasspaths.clientLibraries();
    }

    @Test
    void hikariValidatesAndResetsTheConnectionWithoutRebuildingItsClients() throws Exception {
        int before = athena.requestLog().entries().size();

        DriverOnlyJvm.Outcome outcome = DriverOnlyJvm.run(allJarAndClients(),
                List.of("-Dcom.zaxxer.hikari.aliveBypassWindowMs=0"), PooledProgram.class, url(), KEY, SECRET, "5");

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output().lines().toList()).as(outcome.output())
                .contains("borrow 1 read-only=true valid=true result=1", "borrow 5 read-only=true valid=true result=5",
                        "network timeout 1234", "after timeout change", "pool total connections 1");
        List<RequestLogEntry> calls = athena.requestLog().entries();
        calls = calls.subList(before, calls.size());
        assertThat(calls.stream().filter(c -> "AssumeRole".equals(c.action())).count())
                .as("one connection, one set of clients: the role is assumed once despite the validations and the "
                        + "network timeout changes").isEqualTo(1);
        assertThat(calls.stream().filter(c -> "StartQueryExecution".equals(c.action())).count())
                .as("validation (isValid) sends nothing").isEqualTo(6);
    }

    @Test
    void springJdbcTemplateQueriesAndTranslatesErrors() throws Exception {
        DriverOnlyJvm.Outcome outcome = DriverOnlyJvm.run(allJarAndClients(), List.of(), SpringProgram.class, url(),
                KEY, SECRET);

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output().lines().toList()).as(outcome.output()).contains("count 200",
                "countries [BR, DE, FR, JP, US]", "row {id=7, name=Customer 7}", "translated BadSqlGrammarException");
    }

    @Test
    void aDbeaverLikeSessionBrowsesAndReadsData() throws Exception {
        DriverOnlyJvm.Outcome outcome = DriverOnlyJvm.run(ClientClasspaths.allJar(), List.of(),
                DbeaverLikeProgram.class, url(), KEY, SECRET);

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        List<String> lines = outcome.output().lines().toList();
        assertThat(lines).as(outcome.output())
                .anyMatch(line -> line.startsWith("properties Region WorkGroup OutputLocation") && line.contains(" user password "))
                .contains("session autocommit=true isolation=0 readOnly=false catalog=AwsDataCatalog schema=default",
                        "catalogs [AwsDataCatalog, lakehouse]", "primary keys []", "imported keys []", "indexes []",
                        "update count -1 more false")
                .anyMatch(line -> line.startsWith("product Amazon Athena driver "))
                .anyMatch(line -> line.startsWith("schemas [") && line.contains("demo"))
                .anyMatch(line -> line.startsWith("tables [") && line.contains("customers") && line.contains("sales_by_customer"))
                .anyMatch(line -> line.startsWith("columns [id, name, country"))
                .anyMatch(line -> line.startsWith("result true id:"));
        assertThat(lines.stream().filter(line -> line.startsWith("row "))).as("setMaxRows(3)").hasSize(3);
        assertThat(outcome.output()).doesNotContain(SECRET);
    }

    /** H2's Shell is a generic JDBC command-line client: it knows nothing of Athena but the driver class. */
    @Test
    void aJdbcCommandLineShellListsTablesColumnsAndRunsQueries() throws Exception {
        String classpath = ClientClasspaths.allJar() + File.pathSeparator + ClientClasspaths.jdbcShell();
        DriverOnlyJvm.Outcome outcome = DriverOnlyJvm.run(classpath, List.of(), "org.h2.tools.Shell",
                "-url", url(), "-user", KEY, "-password", SECRET, "-driver", "ai.connecty.athena.jdbc.AthenaDriver",
                "-sql", "SHOW TABLES IN demo; SHOW COLUMNS IN demo.customers; "
                        + "SELECT country, count(*) AS n FROM demo.customers GROUP BY country ORDER BY country");

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).as(outcome.output()).contains("customers").contains("sales_by_customer")
                .contains("country").containsPattern("BR\\s*\\|\\s*40").containsPattern("US\\s*\\|\\s*40")
                .doesNotContain(SECRET);
    }
}
