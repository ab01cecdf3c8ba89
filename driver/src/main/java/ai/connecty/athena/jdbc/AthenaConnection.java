package ai.connecty.athena.jdbc;

import ai.connecty.athena.jdbc.aws.AwsClients;
import ai.connecty.athena.jdbc.config.ConnectionConfig;
import java.sql.SQLWarning;
import java.util.List;

/** STUB (owned by the execution work): the java.sql.Connection of this driver. */
public class AthenaConnection {
    public AthenaConnection(String url, ConnectionConfig config, AwsClients clients, List<SQLWarning> warnings) {
    }

    public ConnectionConfig config() { throw new UnsupportedOperationException("stub"); }

    public AwsClients clients() { throw new UnsupportedOperationException("stub"); }

    public String url() { throw new UnsupportedOperationException("stub"); }
}
