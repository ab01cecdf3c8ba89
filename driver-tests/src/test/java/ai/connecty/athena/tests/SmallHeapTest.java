package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import ai.connecty.athena.tests.plain.CountRowsProgram;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Memory is bounded by the S3 source's byte budget, never by the result: 10,000,000 rows
 * iterate to the end in a JVM of its own limited to 128 MB of heap.
 */
@ExtendWith(LocalAthenaExtension.class)
class SmallHeapTest {

    private static LocalAthena athena;

    @Test
    void tenMillionRowsIterateToTheEndIn128MegabytesOfHeap() throws Exception {
        String sql = "SELECT a.n * 10000 + b.n AS n FROM UNNEST(sequence(0, 999)) AS a(n) "
                + "CROSS JOIN UNNEST(sequence(0, 9999)) AS b(n)";
        String url = Connections.url(athena, "RoleArn=" + LocalAthena.ROLE_ARN);

        DriverOnlyJvm.Outcome outcome = DriverOnlyJvm.run(List.of("-Xmx128m"), CountRowsProgram.class, url,
                LocalAthena.SERVICE_ACCOUNT_KEY_ID, LocalAthena.SERVICE_ACCOUNT_SECRET, sql);

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        long n = 10_000_000L;
        assertThat(outcome.output()).contains("rows=" + n + " sum=" + (n * (n - 1) / 2));
    }
}
