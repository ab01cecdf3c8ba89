package ai.connecty.athena.tests;

import ai.connecty.athena.local.LocalAthena;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The identities a test connects as, always through {@link DriverManager} like a user's tool. The default is
 * the connection guide's flow: the service account's keys plus the role ARN, i.e. the guide's IAM policy.
 */
final class Connections {

    /** athena-local's administrator, allowed everything. */
    static final String ADMIN_KEY = "test";
    static final String ADMIN_SECRET = "test";

    private Connections() {
    }

    /** The form of the guide: SA keys, role, region, {@code s3://athena-results/}, workgroup primary. */
    static Connection connectyUser(LocalAthena athena, String... extraProperties) throws SQLException {
        return DriverManager.getConnection(url(athena, withRole(extraProperties)), LocalAthena.SERVICE_ACCOUNT_KEY_ID,
                LocalAthena.SERVICE_ACCOUNT_SECRET);
    }

    /** The service account's own keys without the role: its only permission is sts:AssumeRole. */
    static Connection serviceAccountWithoutRole(LocalAthena athena, String... extraProperties) throws SQLException {
        return DriverManager.getConnection(url(athena, extraProperties), LocalAthena.SERVICE_ACCOUNT_KEY_ID,
                LocalAthena.SERVICE_ACCOUNT_SECRET);
    }

    static Connection admin(LocalAthena athena, String... extraProperties) throws SQLException {
        return DriverManager.getConnection(url(athena, extraProperties), ADMIN_KEY, ADMIN_SECRET);
    }

    /** The URL without credentials; {@code extraProperties} are {@code Key=Value} and win over the defaults. */
    static String url(LocalAthena athena, String... extraProperties) {
        StringBuilder url = new StringBuilder("jdbc:connecty-athena://Region=").append(LocalAthena.REGION)
                .append(";EndpointOverride=").append(athena.endpoint());
        List<String> defaults = List.of("OutputLocation=s3://" + LocalAthena.RESULTS_BUCKET + "/", "WorkGroup=primary");
        for (String property : defaults) {
            if (!overridden(property, extraProperties)) {
                url.append(';').append(property);
            }
        }
        for (String property : extraProperties) {
            url.append(';').append(property);
        }
        return url.toString();
    }

    private static boolean overridden(String property, String[] extraProperties) {
        String key = property.substring(0, property.indexOf('=') + 1).toLowerCase();
        for (String extra : extraProperties) {
            if (extra.toLowerCase().startsWith(key)) {
                return true;
            }
        }
        return false;
    }

    private static String[] withRole(String[] extraProperties) {
        List<String> all = new ArrayList<>(List.of(extraProperties));
        all.add(0, "RoleArn=" + LocalAthena.ROLE_ARN);
        return all.toArray(String[]::new);
    }
}
