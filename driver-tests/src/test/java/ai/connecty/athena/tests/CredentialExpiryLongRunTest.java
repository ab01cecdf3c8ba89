package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.control.RequestLogEntry;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A long run on one connection while the assumed role's credentials expire again and again (athena-local issues
 * them for {@value #CREDENTIAL_SECONDS} s): every query succeeds, no request is refused for an expired token,
 * and the log (driver and SDK, at the test's WARN level) has no line per call about expired or stale credentials.
 */
@ExtendWith(LocalAthenaExtension.class)
class CredentialExpiryLongRunTest {
    private static final long CREDENTIAL_SECONDS = 4;
    /** Three lifetimes: the credentials expire at least twice during the run. */
    private static final long RUN_SECONDS = 3 * CREDENTIAL_SECONDS;

    private static LocalAthena athena;

    @Test
    void queriesKeepSucceedingAcrossExpiriesWithoutALogLinePerCall() throws Exception {
        athena.faults().set(FaultPlan.of(1,
                FaultRule.forAction("sts", "AssumeRole").withCredentialSeconds(CREDENTIAL_SECONDS)));
        athena.requestLog().clear();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int queries = 0;
        try (Connection connection = Connections.connectyUser(athena); Statement statement = connection.createStatement()) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Instant end = Instant.now().plusSeconds(RUN_SECONDS);
            while (Instant.now().isBefore(end)) {
                try (ResultSet rows = statement.executeQuery("SELECT " + queries + " + 1")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).isEqualTo(queries + 1);
                }
                queries++;
            }
        } finally {
            System.setErr(originalErr);
        }
        List<String> expiryLines = Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\\R"))
                .filter(line -> line.toLowerCase(Locale.ROOT).matches(".*(expir|stale).*"))
                .collect(Collectors.toList());
        List<RequestLogEntry> assumeRoles = athena.requestLog().entries().stream()
                .filter(e -> e.action().equals("AssumeRole")).collect(Collectors.toList());
        System.out.printf("CredentialExpiryLongRunTest: %d queries, %d AssumeRole calls, %d log lines about expiry%n",
                queries, assumeRoles.size(), expiryLines.size());

        assertThat(queries).isGreaterThan(3);
        assertThat(assumeRoles).as("the role was assumed again after expiry").hasSizeGreaterThan(1);
        assertThat(athena.requestLog().entries()).as("no request refused, none for an expired token")
                .allSatisfy(e -> assertThat(e.status()).isLessThan(400));
        assertThat(expiryLines).as("log lines about expired or stale credentials").hasSizeLessThan(queries / 2 + 1);
    }
}
