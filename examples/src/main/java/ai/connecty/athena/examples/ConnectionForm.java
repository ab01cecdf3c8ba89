package ai.connecty.athena.examples;

import ai.connecty.athena.local.LocalAthena;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The fields of Connecty's "connect your Athena" form, as its connection guide asks for them, turned into a
 * JDBC connection. The access key pair goes in as JDBC user and password, so it never appears in the URL.
 *
 * @param accessKeyId     the service-account user's access key id
 * @param secretAccessKey its secret (never printed)
 * @param roleArn         the role the service account assumes through STS
 * @param region          the AWS region of the Athena catalog
 * @param outputLocation  where Athena writes query results
 * @param workGroup       the Athena workgroup
 * @param endpoint        one endpoint for every AWS service (athena-local)
 */
record ConnectionForm(String accessKeyId, String secretAccessKey, String roleArn, String region,
                      String outputLocation, String workGroup, URI endpoint) {

    /** The form filled in with athena-local's service account, which the guide's examples use too. */
    static ConnectionForm forLocalAthena(URI endpoint) {
        return new ConnectionForm(LocalAthena.SERVICE_ACCOUNT_KEY_ID, LocalAthena.SERVICE_ACCOUNT_SECRET,
                LocalAthena.ROLE_ARN, LocalAthena.REGION, "s3://" + LocalAthena.RESULTS_BUCKET + "/", "primary",
                endpoint);
    }

    /** The URL without any secret: safe to print. */
    String jdbcUrl() {
        return "jdbc:connecty-athena://Region=" + region + ";RoleArn=" + roleArn + ";OutputLocation=" + outputLocation
                + ";WorkGroup=" + workGroup + ";EndpointOverride=" + endpoint;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), accessKeyId, secretAccessKey);
    }

    @Override
    public String toString() {
        return "ConnectionForm[accessKeyId=" + accessKeyId + ", roleArn=" + roleArn + ", region=" + region
                + ", outputLocation=" + outputLocation + ", workGroup=" + workGroup + ", endpoint=" + endpoint + "]";
    }
}
