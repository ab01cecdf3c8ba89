package ai.connecty.athena.jdbc;

import software.amazon.awssdk.services.athena.AthenaClient;

/**
 * The base of the tests' hand-written Athena clients: what every stub answers the same way, so that each states
 * only the calls its test scripts (an unscripted call fails with the SDK interface's UnsupportedOperationException).
 */
public abstract class StubAthena implements AthenaClient {

    @Override
    public String serviceName() {
        return "athena";
    }

    @Override
    public void close() {
    }
}
