package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import ai.connecty.athena.tests.plain.PlainJavaProgram;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link PlainJavaProgram} in its own JVM whose class path holds only the driver and its dependencies and the
 * program itself: what a user's java.sql program sees.
 */
@ExtendWith(LocalAthenaExtension.class)
class PlainJavaProgramTest {

    private static LocalAthena athena;

    @Test
    void plainJavaSqlProgramRunsAQuery() throws Exception {
        String url = Connections.url(athena, "RoleArn=" + LocalAthena.ROLE_ARN);
        DriverOnlyJvm.Outcome outcome = DriverOnlyJvm.run(List.of(), PlainJavaProgram.class, url,
                LocalAthena.SERVICE_ACCOUNT_KEY_ID, LocalAthena.SERVICE_ACCOUNT_SECRET,
                "SELECT country FROM demo.customers GROUP BY country ORDER BY country");

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output().lines().toList()).containsSubsequence(List.of("BR", "DE", "FR", "JP", "US"));
    }
}
