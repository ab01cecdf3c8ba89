package ai.connecty.athena.jdbc;

import ai.connecty.athena.jdbc.auth.CredentialsCheck;
import ai.connecty.athena.jdbc.aws.AwsClients;
import ai.connecty.athena.jdbc.config.ConfigErrors;
import ai.connecty.athena.jdbc.config.ConnectionConfig;
import ai.connecty.athena.jdbc.config.ConnectionUrl;
import ai.connecty.athena.jdbc.config.DriverVersion;
import ai.connecty.athena.jdbc.config.PropertyInfos;
import ai.connecty.athena.jdbc.config.PropertySettings;
import ai.connecty.athena.jdbc.errors.SqlExceptions;
import ai.connecty.athena.jdbc.errors.SqlState;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLWarning;
import java.sql.Statement;
import ai.connecty.athena.jdbc.doctor.DoctorCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC driver for Amazon Athena, for URLs starting with {@code jdbc:connecty-athena://}. Loading the class
 * registers it with {@link DriverManager}; {@code META-INF/services/java.sql.Driver} makes that automatic.
 */
public class AthenaDriver implements Driver {
    /** The comment tells whoever reads the workgroup's history where the query came from. */
    static final String CONNECTION_TEST_QUERY = "-- connecty-athena-jdbc connection test\nSELECT 1";

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(AthenaDriver.class);

    static {
        try {
            DriverManager.registerDriver(new AthenaDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * @return a connection, or null when the URL is for another driver (as {@link Driver#connect} requires)
     */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        ConnectionConfig config = ConnectionConfig.parse(url, info);
        LOG.debug("Connecting with {}", config);
        AwsClients clients = AwsClients.create(config);
        boolean opened = false;
        try {
            if (config.validateCredentials()) {
                CredentialsCheck.verify(config, clients.baseCredentialsProvider(), clients.credentialsProvider(),
                        clients.sts());
            }
            List<SQLWarning> warnings = new ArrayList<>(config.warnings());
            String shown = ConnectionUrl.parse(url).withPropertiesBeside(info).withSecretsMasked();
            AthenaConnection connection = new AthenaConnection(shown, config, clients, warnings);
            if (config.connectionTest()) {
                testQuery(connection);
            }
            opened = true;
            return connection;
        } catch (RuntimeException e) {
            throw new SQLException("Could not open the connection: " + e, SqlState.CONNECTION_FAILURE, e);
        } finally {
            if (!opened) {
                clients.close();
            }
        }
    }

    /**
     * Runs the opt-in test query. A failure closes the connection and is reported as a connect failure, with
     * Athena's own error (access denied, workgroup not found...) kept as the cause.
     */
    private static void testQuery(AthenaConnection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(CONNECTION_TEST_QUERY)) {
            rows.next();
        } catch (SQLException e) {
            connection.close();
            throw new SQLNonTransientConnectionException("ConnectionTest=true: the test query failed: "
                    + e.getMessage(), SqlState.CONNECTION_FAILURE, e);
        }
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        if (url == null) {
            throw ConfigErrors.error("The connection URL is null; expected " + ConnectionUrl.PREFIX + "Key=Value;...");
        }
        return ConnectionUrl.accepts(url);
    }

    /**
     * Every property, with its value from the URL and {@code info}. Tools call this while the URL is being typed,
     * so it never fails on the URL: what does not parse yet is left out (connect reports it).
     */
    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return PropertyInfos.describe(PropertySettings.resolveLeniently(url, info));
    }

    @Override
    public int getMajorVersion() {
        return DriverVersion.major();
    }

    @Override
    public int getMinorVersion() {
        return DriverVersion.minor();
    }

    /** Athena is not SQL-92 entry level (no transactions, no primary keys), so the driver cannot claim compliance. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    /**
     * The {@code -all} jar's entry point: {@code java -jar connecty-athena-jdbc-<version>-all.jar doctor "<url>"}
     * checks a connection's prerequisites (see {@link DoctorCommand}).
     */
    public static void main(String[] args) {
        if (args.length == 0 || !"doctor".equals(args[0])) {
            System.out.println("Connecty Athena JDBC driver " + DriverVersion.version() + " (" + ConnectionUrl.PREFIX
                    + "Key=Value;...)");
            System.out.println(DoctorCommand.USAGE_TEXT_FOR_MAIN);
            System.exit(DoctorCommand.USAGE);
        }
        System.exit(DoctorCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System::getenv));
    }

    /** The driver logs through SLF4J, not java.util.logging. */
    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw SqlExceptions.notSupported("The driver logs through SLF4J, not java.util.logging");
    }
}
