package ai.connecty.athena.tests;

import ai.connecty.athena.local.LocalAthena;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The identities a test connects as, always through {@link DriverManager} like a user's tool. The default is
 * the connection guide's flow: the service account's keys plus the role ARN, i.e. the guide's IAM policy.
 * A class whose tests share one connection registers {@link #connectyUserPerClass} instead of opening it in
 * {@code @BeforeAll} and closing it in {@code @AfterAll}.
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

    /**
     * One {@link #connectyUser} connection for all tests of a class, opened on first use (the instance is injected
     * after the class loads, hence the supplier) and closed after the class's own {@code @AfterAll} methods.
     *
     * <pre>{@code
     * @RegisterExtension
     * static final Connections.PerClass shared = Connections.connectyUserPerClass(() -> athena);
     * }</pre>
     */
    static PerClass connectyUserPerClass(Supplier<LocalAthena> athena) {
        return new PerClass(athena);
    }

    /** The extension behind {@link #connectyUserPerClass}. */
    static final class PerClass implements AfterAllCallback {
        private final Supplier<LocalAthena> athena;
        private Connection connection;

        private PerClass(Supplier<LocalAthena> athena) {
            this.athena = athena;
        }

        synchronized Connection get() throws SQLException {
            if (connection == null) {
                LocalAthena local = athena.get();
                if (local == null) {
                    throw new IllegalStateException("No LocalAthena yet: ask for the connection once it is set");
                }
                connection = connectyUser(local);
            }
            return connection;
        }

        @Override
        public synchronized void afterAll(ExtensionContext context) throws SQLException {
            if (connection != null) {
                try {
                    connection.close();
                } finally {
                    connection = null;
                }
            }
        }
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
    /**
     * The connection guide's form filled in through AthenaDataSource's setters, as an application's configuration
     * (Spring, MyBatis, Hibernate) would: the service account, the role, the results bucket and the workgroup.
     */
    static ai.connecty.athena.jdbc.AthenaDataSource guideDataSource(LocalAthena athena) {
        ai.connecty.athena.jdbc.AthenaDataSource dataSource = new ai.connecty.athena.jdbc.AthenaDataSource();
        dataSource.setRegion(LocalAthena.REGION);
        dataSource.setEndpointOverride(athena.endpoint().toString());
        dataSource.setUser(LocalAthena.SERVICE_ACCOUNT_KEY_ID);
        dataSource.setPassword(LocalAthena.SERVICE_ACCOUNT_SECRET);
        dataSource.setRoleArn(LocalAthena.ROLE_ARN);
        dataSource.setOutputLocation("s3://" + LocalAthena.RESULTS_BUCKET + "/");
        dataSource.setWorkGroup("primary");
        return dataSource;
    }

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
