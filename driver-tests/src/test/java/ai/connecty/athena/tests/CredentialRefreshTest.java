package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.control.RequestLogEntry;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A pool keeps a connection open far longer than the assumed role's credentials live: the connection must
 * fetch new ones by itself instead of signing with expired ones. athena-local issues credentials that last
 * {@link #CREDENTIAL_SECONDS} seconds so that the expiry happens within the test.
 */
@ExtendWith(LocalAthenaExtension.class)
class CredentialRefreshTest {

    /**
     * The SDK keeps credentials this short-lived for one second after fetching them; athena-local truncates
     * expiries to whole seconds, so these last at least 3 s: a busy machine has 2 s of slack before a request
     * signed with them reaches the server.
     */
    private static final long CREDENTIAL_SECONDS = 4;
    private static final String COUNT_SALES = "SELECT count(*) FROM demo.sales";

    private static LocalAthena athena;

    @Test
    void connectionKeepsWorkingAfterTheAssumedRoleCredentialsExpire() throws Exception {
        athena.faults().set(FaultPlan.of(1,
                FaultRule.forAction("sts", "AssumeRole").withCredentialSeconds(CREDENTIAL_SECONDS)));
        athena.requestLog().clear();

        try (Connection connection = Connections.connectyUser(athena)) {
            assertThat(countSales(connection)).isEqualTo(4000L);
            List<RequestLogEntry> assumedBeforeExpiry = assumeRoleCalls();
            assertThat(assumedBeforeExpiry).as("the first query assumed the role").isNotEmpty();

            awaitExpiryOfCredentialsIssuedBy(assumedBeforeExpiry);

            assertThat(countSales(connection)).as("a query on the same connection after expiry").isEqualTo(4000L);
        }

        List<RequestLogEntry> assumeRoles = assumeRoleCalls();
        assertThat(assumeRoles).as("the role was assumed again after the first credentials expired").hasSizeGreaterThan(1);
        assertThat(assumeRoles).allSatisfy(entry -> assertThat(entry.status()).isEqualTo(200));
        assertThat(athena.requestLog().entries())
                .as("no request was refused, in particular none for an expired token (ExpiredToken/ExpiredTokenException)")
                .allSatisfy(entry -> {
                    assertThat(entry.principal()).isNotEqualTo("anonymous");
                    assertThat(entry.decision()).isEqualTo("allow");
                    assertThat(entry.status()).isLessThan(400);
                });
        assertThat(athena.requestLog().entries())
                .filteredOn(entry -> entry.service().equals("athena"))
                .extracting(RequestLogEntry::principal)
                .as("Athena was called as the assumed role")
                .allSatisfy(principal -> assertThat(principal).startsWith(
                        "arn:aws:sts::" + LocalAthena.ACCOUNT_ID + ":assumed-role/connecty-athena/"));
    }

    private static long countSales(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(COUNT_SALES)) {
            assertThat(rows.next()).isTrue();
            return rows.getLong(1);
        }
    }

    private static List<RequestLogEntry> assumeRoleCalls() {
        return athena.requestLog().entries().stream()
                .filter(entry -> entry.service().equals("sts") && entry.action().equals("AssumeRole"))
                .toList();
    }

    /**
     * A session expires at most {@link #CREDENTIAL_SECONDS} after its AssumeRole request started, and the log
     * records the request when it ends, so once that much time has passed since the last logged AssumeRole,
     * every credential issued so far has expired.
     */
    private static void awaitExpiryOfCredentialsIssuedBy(List<RequestLogEntry> assumeRoles) throws InterruptedException {
        Instant lastIssued = assumeRoles.stream().map(RequestLogEntry::time).max(Comparator.naturalOrder()).orElseThrow();
        Instant expired = lastIssued.plusSeconds(CREDENTIAL_SECONDS).plusMillis(100);
        while (Instant.now().isBefore(expired)) {
            Thread.sleep(Math.min(100, Math.max(1, Duration.between(Instant.now(), expired).toMillis())));
        }
    }
}
