package ai.connecty.athena.tests.plain;

import java.net.URI;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * An application with an AWS SDK of its own (another release than the driver's) that also uses the {@code -all}
 * jar. Arguments: endpoint, JDBC URL, access key id, secret, SQL. Prints the host SDK's version and caller, the
 * query's first column, the table count of the {@code demo} database, and calls STS again after the driver ran.
 */
public final class HostWithOwnSdkProgram {

    private HostWithOwnSdkProgram() {
    }

    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        // Read at run time: the compile-time constant would be the build's SDK version, not the one running.
        Object hostSdk = Class.forName("software.amazon.awssdk.core.util.VersionInfo").getField("SDK_VERSION").get(null);
        System.out.println("host sdk " + hostSdk);
        System.out.println("host caller " + callerArn(endpoint, args[2], args[3]));
        try (Connection connection = DriverManager.getConnection(args[1], args[2], args[3])) {
            DatabaseMetaData metaData = connection.getMetaData();
            System.out.println("driver " + metaData.getDriverName() + " " + metaData.getDriverVersion());
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(args[4])) {
                while (rows.next()) {
                    System.out.println("row " + rows.getString(1));
                }
            }
            int tables = 0;
            try (ResultSet rows = metaData.getTables("AwsDataCatalog", "demo", "%", null)) {
                while (rows.next()) {
                    tables++;
                }
            }
            System.out.println("demo tables " + tables);
        }
        System.out.println("host caller again " + callerArn(endpoint, args[2], args[3]));
    }

    private static String callerArn(String endpoint, String key, String secret) {
        try (StsClient sts = StsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .build()) {
            return sts.getCallerIdentity().arn();
        }
    }
}
