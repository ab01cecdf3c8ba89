package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ai.connecty.athena.jdbc.AthenaDataSource;
import ai.connecty.athena.jdbc.config.ConnectionProperty;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.PropertyElf;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.BeanWrapperImpl;

/**
 * {@link AthenaDataSource} configured the way pools and frameworks do it: from text, through its bean setters.
 * HikariCP's {@code dataSourceClassName} with {@code dataSourceProperties} converts text only to int, long, short,
 * boolean and String setters; Spring binds text to any bean property. Every connection property must be settable
 * both ways, so that no property needs a URL fallback.
 */
@ExtendWith(LocalAthenaExtension.class)
class PoolConfiguredDataSourceTest {

    private static LocalAthena athena;

    @Test
    void hikariSetsEveryPropertyFromDataSourceProperties() {
        for (ConnectionProperty property : ConnectionProperty.values()) {
            AthenaDataSource dataSource = new AthenaDataSource();
            Properties text = new Properties();
            text.setProperty(beanName(property), sample(property));

            assertThatCode(() -> PropertyElf.setTargetFromProperties(dataSource, text))
                    .as("HikariCP sets %s", beanName(property)).doesNotThrowAnyException();
            assertThat(dataSource.getProperty(property.propertyName())).as(property.propertyName())
                    .isEqualTo(sample(property));
        }
    }

    @Test
    void springBindsEveryPropertyFromText() {
        for (ConnectionProperty property : ConnectionProperty.values()) {
            AthenaDataSource dataSource = new AthenaDataSource();
            new BeanWrapperImpl(dataSource).setPropertyValue(beanName(property), sample(property));
            assertThat(dataSource.getProperty(property.propertyName())).as(property.propertyName())
                    .isEqualTo(sample(property));
        }
    }

    @Test
    void hikariPoolBuiltFromTheDataSourceClassNameRunsQueries() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSourceClassName(AthenaDataSource.class.getName());
        config.setMaximumPoolSize(1);
        config.addDataSourceProperty("region", LocalAthena.REGION);
        config.addDataSourceProperty("endpointOverride", athena.endpoint().toString());
        config.addDataSourceProperty("user", LocalAthena.SERVICE_ACCOUNT_KEY_ID);
        config.addDataSourceProperty("password", LocalAthena.SERVICE_ACCOUNT_SECRET);
        config.addDataSourceProperty("roleArn", LocalAthena.ROLE_ARN);
        config.addDataSourceProperty("outputLocation", "s3://" + LocalAthena.RESULTS_BUCKET + "/pool-datasource/");
        config.addDataSourceProperty("numRetries", "2");
        config.addDataSourceProperty("networkTimeoutMillis", "30000");
        config.addDataSourceProperty("queryExecutionPollingIntervalMultiplier", "1.5");

        try (HikariDataSource pool = new HikariDataSource(config); Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM demo.sales")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(4000L);
            AthenaDataSource configured = pool.unwrap(AthenaDataSource.class);
            assertThat(configured.getNumRetries()).isEqualTo(2);
            assertThat(configured.getNetworkTimeoutMillis()).isEqualTo(30000);
            assertThat(configured.getQueryExecutionPollingIntervalMultiplier()).isEqualTo("1.5");
        }
    }

    /** Bean accessors capitalise the first letter: user -> setUser, so the bean name lower-cases it. */
    private static String beanName(ConnectionProperty property) {
        String name = property.propertyName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** Text every property's setter must keep as given; numbers within every numeric property's range. */
    private static String sample(ConnectionProperty property) {
        switch (property.type()) {
            case INTEGER:
            case LONG:
                return "7";
            case DOUBLE:
                return "1.5";
            case BOOLEAN:
                return "true";
            case CHOICE:
                return property.choices().get(0);
            default:
                return "sample-text";
        }
    }
}
