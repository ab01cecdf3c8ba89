package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.AthenaDataSource;
import ai.connecty.athena.jdbc.AthenaStatement;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.RequestLogEntry;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link AthenaDataSource} configured through bean setters, the way connection pools and frameworks do it. */
@ExtendWith(LocalAthenaExtension.class)
class DataSourceTest {

    private static final String RESULTS_PREFIX = "datasource-test/";
    private static final String WRONG_SECRET = "Wr0ngSecretKeyWr0ngSecretKeyWr0ngSecret/";
    private static final String ASSUMED_ROLE = "arn:aws:sts::" + LocalAthena.ACCOUNT_ID + ":assumed-role/connecty-athena/";

    private static LocalAthena athena;

    @BeforeEach
    void clearRequestLog() {
        athena.requestLog().clear();
    }

    @Test
    void setterConfiguredDataSourceRunsAQueryUnderTheRole() throws SQLException {
        AthenaDataSource dataSource = guideDataSource(LocalAthena.SERVICE_ACCOUNT_SECRET);

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM demo.sales")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(4000L);
            String queryId = statement.unwrap(AthenaStatement.class).getQueryExecutionId();
            assertThat(athena.buckets().exists(LocalAthena.RESULTS_BUCKET, RESULTS_PREFIX + queryId + ".csv"))
                    .as("the result was written under the configured output location").isTrue();
            // A DataSource's URL is the bare prefix: getURL shows the settings it was made with, the secret masked.
            String shown = connection.getMetaData().getURL();
            assertThat(shown).startsWith("jdbc:connecty-athena://").contains("Region=" + LocalAthena.REGION + ";")
                    .contains("RoleArn=" + LocalAthena.ROLE_ARN + ";").contains("password=****;")
                    .doesNotContain(LocalAthena.SERVICE_ACCOUNT_SECRET);
        }
        assertThat(athena.requestLog().entries()).filteredOn(entry -> entry.action().equals("StartQueryExecution"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.principal()).as("the role of RoleArn ran the query").startsWith(ASSUMED_ROLE);
                    assertThat(entry.resource()).isEqualTo(
                            "arn:aws:athena:us-east-1:" + LocalAthena.ACCOUNT_ID + ":workgroup/primary");
                });
        assertThat(dataSource.getRegion()).isEqualTo(LocalAthena.REGION);
        assertThat(dataSource.getWorkGroup()).isEqualTo("primary");
    }

    @Test
    void credentialsPassedToGetConnectionReplaceTheStoredOnes() throws SQLException {
        DataSource storedWrongSecret = guideDataSource(WRONG_SECRET);
        try (Connection connection = storedWrongSecret.getConnection(LocalAthena.SERVICE_ACCOUNT_KEY_ID,
                LocalAthena.SERVICE_ACCOUNT_SECRET); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 42")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }

        DataSource storedRightSecret = guideDataSource(LocalAthena.SERVICE_ACCOUNT_SECRET);
        // The connect-time credentials check (AssumeRole) refuses it.
        SQLException refused = catchThrowableOfType(SQLException.class,
                () -> storedRightSecret.getConnection(LocalAthena.SERVICE_ACCOUNT_KEY_ID, WRONG_SECRET));
        assertThat((Throwable) refused).as("the wrong secret given to getConnection was used").isNotNull();
        assertThat(refused.getSQLState()).isEqualTo("28000");
        assertThat(athena.requestLog().denied()).extracting(RequestLogEntry::action).contains("AssumeRole");
    }

    /** The connection guide's form (Connections.guideDataSource) with this secret, its results under RESULTS_PREFIX. */
    private static AthenaDataSource guideDataSource(String secretAccessKey) {
        AthenaDataSource dataSource = Connections.guideDataSource(athena);
        dataSource.setPassword(secretAccessKey);
        dataSource.setOutputLocation("s3://" + LocalAthena.RESULTS_BUCKET + "/" + RESULTS_PREFIX);
        return dataSource;
    }
}
