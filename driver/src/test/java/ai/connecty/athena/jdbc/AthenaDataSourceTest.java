package ai.connecty.athena.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.jdbc.config.ConnectionProperty;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class AthenaDataSourceTest {

    @Test
    void everyPropertyHasASetterAndGetter() {
        for (ConnectionProperty property : ConnectionProperty.values()) {
            // Bean accessors capitalise: user -> setUser.
            String name = Character.toUpperCase(property.propertyName().charAt(0)) + property.propertyName().substring(1);
            assertThat(Arrays.stream(AthenaDataSource.class.getMethods()).map(Method::getName))
                    .as(name).contains("set" + name, "get" + name);
        }
    }

    /** A getter whose type differs from its setter's makes the property read-only to bean tools such as Spring. */
    @Test
    void everyPropertyIsAReadableAndWritableBeanProperty() throws IntrospectionException {
        Map<String, PropertyDescriptor> beanProperties = new HashMap<>();
        for (PropertyDescriptor descriptor : Introspector.getBeanInfo(AthenaDataSource.class).getPropertyDescriptors()) {
            beanProperties.put(descriptor.getName(), descriptor);
        }
        for (ConnectionProperty property : ConnectionProperty.values()) {
            String name = Character.toLowerCase(property.propertyName().charAt(0)) + property.propertyName().substring(1);
            assertThat(beanProperties.get(name)).as(name).isNotNull()
                    .satisfies(descriptor -> {
                        assertThat(descriptor.getReadMethod()).as(name + " getter").isNotNull();
                        assertThat(descriptor.getWriteMethod()).as(name + " setter").isNotNull();
                    });
        }
    }

    @Test
    void settersRoundTripAndDefaultsShowThrough() {
        AthenaDataSource ds = new AthenaDataSource();
        assertThat(ds.getWorkGroup()).isEqualTo("primary");
        assertThat(ds.getFetchSize()).isZero();
        assertThat(ds.getS3ReadAheadMB()).as("the default").isEqualTo(32);
        ds.setS3ReadAheadMB(8);
        assertThat(ds.getS3ReadAheadMB()).isEqualTo(8);
        assertThat(ds.getProperty("S3ReadAheadMB")).isEqualTo("8");
        assertThat(ds.getNumRetries()).as("the default").isEqualTo(10);
        assertThat(ds.getProxyPort()).as("unset").isZero();
        assertThat(ds.getTransactions()).as("the default").isEqualTo("refuse");
        ds.setTransactions("emulate");
        assertThat(ds.getTransactions()).isEqualTo("emulate");
        assertThat(ds.getProperty("transactions")).isEqualTo("emulate");
        ds.setRegion("eu-west-1");
        ds.setWorkGroup("analytics");
        ds.setFetchSize(5000);
        ds.setEnableResultReuseByAge(true);
        ds.setQueryExecutionPollingIntervalMultiplier("1.5");
        ds.setMaxQueryExecutionPollingIntervalMillis(900L);
        ds.setNumRetries(4);
        ds.setProxyPort(3128);
        ds.setNetworkTimeoutMillis(5000);
        assertThat(ds.getRegion()).isEqualTo("eu-west-1");
        assertThat(ds.getWorkGroup()).isEqualTo("analytics");
        assertThat(ds.getFetchSize()).isEqualTo(5000);
        assertThat(ds.getEnableResultReuseByAge()).isTrue();
        assertThat(ds.getQueryExecutionPollingIntervalMultiplier()).isEqualTo("1.5");
        assertThat(ds.getMaxQueryExecutionPollingIntervalMillis()).isEqualTo(900L);
        assertThat(ds.getNumRetries()).isEqualTo(4);
        assertThat(ds.getProxyPort()).isEqualTo(3128);
        assertThat(ds.getNetworkTimeoutMillis()).isEqualTo(5000);
        ds.setProxyPort(0);
        ds.setNetworkTimeoutMillis(0);
        assertThat(ds.getProperty("ProxyPort")).as("0 unsets").isNull();
        assertThat(ds.getProperty("NetworkTimeoutMillis")).as("0 unsets").isNull();
        ds.setWorkGroup(null);
        assertThat(ds.getWorkGroup()).isEqualTo("primary");
    }

    @Test
    void genericSetterAcceptsAliasesIgnoringCase() {
        AthenaDataSource ds = new AthenaDataSource();
        ds.setProperty("awsregion", "ap-south-1");
        ds.setProperty("S3OutputLocation", "s3://b/p/");
        assertThat(ds.getRegion()).isEqualTo("ap-south-1");
        assertThat(ds.getOutputLocation()).isEqualTo("s3://b/p/");
        assertThat(ds.getProperty("Region")).isEqualTo("ap-south-1");
    }

    @Test
    void getConnectionValidatesLikeTheUrl() {
        AthenaDataSource ds = new AthenaDataSource();
        ds.setRegion("us-east-1");
        ds.setProperty("FetchSize", "many");
        assertThatThrownBy(ds::getConnection).isInstanceOf(SQLException.class).hasMessageContaining("FetchSize");
        ds.setProperty("FetchSize", null);
        ds.setTransactions("sometimes");
        assertThatThrownBy(ds::getConnection).isInstanceOf(SQLException.class).hasMessage("Invalid value 'sometimes' "
                + "for connection property Transactions: expected one of refuse, emulate");
    }

    @Test
    void getConnectionWithUserAndPasswordUsesThemAsKeys() throws SQLException {
        AthenaDataSource ds = new AthenaDataSource();
        ds.setRegion("us-east-1");
        ds.setEndpointOverride("http://127.0.0.1:1");
        ds.setValidateCredentials(false);
        ds.setUser("AKIAOTHER");
        ds.setPassword("other");
        try (Connection connection = ds.getConnection("AKIAIOSFODNN7EXAMPLE", "secret")) {
            assertThat(connection.getMetaData().getUserName()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        }
        assertThat(ds.getUser()).isEqualTo("AKIAOTHER");
    }

    @Test
    void wrapperAndTimeouts() throws SQLException {
        AthenaDataSource ds = new AthenaDataSource();
        assertThat(ds.isWrapperFor(DataSource.class)).isTrue();
        assertThat(ds.unwrap(AthenaDataSource.class)).isSameAs(ds);
        assertThatThrownBy(() -> ds.unwrap(String.class)).isInstanceOf(SQLException.class);
        ds.setLoginTimeout(7);
        assertThat(ds.getLoginTimeout()).isEqualTo(7);
        assertThatThrownBy(() -> ds.setLoginTimeout(-1)).isInstanceOf(SQLException.class);
    }
}
