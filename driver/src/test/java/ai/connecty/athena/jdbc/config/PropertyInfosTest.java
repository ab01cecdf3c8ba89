package ai.connecty.athena.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PropertyInfosTest {

    private static Map<String, DriverPropertyInfo> infos(String url, Properties properties) throws SQLException {
        return Arrays.stream(PropertyInfos.describe(PropertySettings.resolve(url, properties)))
                .collect(Collectors.toMap(i -> i.name, Function.identity()));
    }

    @Test
    void listsEveryPropertyWithCurrentValueOrDefault() throws SQLException {
        Map<String, DriverPropertyInfo> infos = infos(ConnectionUrl.PREFIX + "Region=eu-west-1", new Properties());
        assertThat(infos).hasSize(ConnectionProperty.values().length);
        assertThat(infos.get("Region").value).isEqualTo("eu-west-1");
        assertThat(infos.get("WorkGroup").value).isEqualTo("primary");
        assertThat(infos.get("OutputLocation").value).isNull();
        assertThat(infos.get("ResultFetcher").choices)
                .containsExactly("auto", "S3", "GetQueryResults", "GetQueryResultsStream");
        assertThat(infos.get("Transactions").choices).containsExactly("refuse", "emulate");
        assertThat(infos.get("Transactions").value).isEqualTo("refuse");
        assertThat(infos.get("Database").description).contains("Also accepted as: Schema");
        assertThat(infos.get("MetadataCacheTtlSeconds").description).doesNotContain("takes effect in a later release");
        assertThat(infos.get("MetadataCacheTtlSeconds").value).isEqualTo("60");
        assertThat(infos.values()).allSatisfy(info -> assertThat(info.description).isNotBlank());
    }

    /** DBeaver hides exactly "user" and "password" from its driver-properties tab and stores them as login fields. */
    @Test
    void credentialsAreNamedTheWayToolsRecogniseThem() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("User", "AKIAUPPER");
        Map<String, DriverPropertyInfo> infos = infos(ConnectionUrl.PREFIX, properties);
        assertThat(infos).containsKeys("user", "password").doesNotContainKeys("User", "Password");
        assertThat(infos.get("user").value).as("User is accepted as before").isEqualTo("AKIAUPPER");
        for (String spelling : new String[] {"User", "USER", "AccessKeyId", "accesskeyid"}) {
            assertThat(ConnectionProperty.byName(spelling)).as(spelling).contains(ConnectionProperty.USER);
        }
        for (String spelling : new String[] {"Password", "PASSWORD", "SecretAccessKey"}) {
            assertThat(ConnectionProperty.byName(spelling)).as(spelling).contains(ConnectionProperty.PASSWORD);
        }
    }

    @Test
    void secretValuesAreNeverFilledIn() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("password", "SECRET1");
        properties.setProperty("SessionToken", "SECRET2");
        properties.setProperty("ProxyPWD", "SECRET3");
        properties.setProperty("user", "AKIAEXAMPLE");
        Map<String, DriverPropertyInfo> infos = infos(ConnectionUrl.PREFIX, properties);
        assertThat(infos.get("password").value).isNull();
        assertThat(infos.get("SessionToken").value).isNull();
        assertThat(infos.get("ProxyPassword").value).isNull();
        assertThat(infos.get("user").value).isEqualTo("AKIAEXAMPLE");
        assertThat(infos.values()).allSatisfy(info ->
                assertThat(String.valueOf(info.value)).doesNotContain("SECRET"));
    }
}
