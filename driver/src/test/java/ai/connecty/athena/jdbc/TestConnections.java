package ai.connecty.athena.jdbc;

import ai.connecty.athena.jdbc.execution.AthenaQueryClient;
import ai.connecty.athena.jdbc.execution.PollingClock;
import ai.connecty.athena.jdbc.execution.PollingSchedule;
import ai.connecty.athena.jdbc.execution.QuerySettings;
import software.amazon.awssdk.services.athena.AthenaClient;

/**
 * The door for tests in the driver's sub-packages (WireMock, hostile input) to a connection built around a query
 * client alone. The factory it calls is package-private in the driver, because its parameters are internal
 * types: only test code, which lives in this package, may reach it.
 */
public final class TestConnections {
    private TestConnections() {
    }

    /** A connection that runs its queries through {@code queryClient}; it has no AWS clients, so no metadata. */
    public static AthenaConnection withQueryClient(AthenaQueryClient queryClient, PollingClock pollingClock) {
        return AthenaConnection.withQueryClient("jdbc:connecty-athena://", queryClient, pollingClock);
    }

    /**
     * A connection over a hand-written Athena client (a test's stub), polling every millisecond so that tests of
     * races and cancels do not wait on the default schedule.
     */
    public static AthenaConnection overStub(AthenaClient athena) {
        QuerySettings settings = QuerySettings.builder().outputLocation("s3://results/")
                .pollingSchedule(new PollingSchedule(1, 1, 1.0)).build();
        return withQueryClient(new AthenaQueryClient(athena, settings), PollingClock.SYSTEM);
    }
}
