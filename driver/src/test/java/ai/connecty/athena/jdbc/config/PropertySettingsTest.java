package ai.connecty.athena.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PropertySettingsTest {
    private static final String PREFIX = ConnectionUrl.PREFIX;

    private static Properties props(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void keysAreCaseInsensitive() throws SQLException {
        PropertySettings settings = PropertySettings.resolve(PREFIX + "REGION=eu-west-1;workgroup=wg", null);
        assertThat(settings.get(ConnectionProperty.REGION)).contains("eu-west-1");
        assertThat(settings.get(ConnectionProperty.WORK_GROUP)).contains("wg");
        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void aliasesMapToTheirProperty() throws SQLException {
        PropertySettings settings = PropertySettings.resolve(PREFIX + "AwsRegion=eu-west-1;S3OutputLocation=s3://b/;"
                + "Schema=sales;AccessKeyId=AKIA1;SecretAccessKey=x;MaxErrorRetry=3;s3_staging_dir=s3://b/", null);
        assertThat(settings.get(ConnectionProperty.REGION)).contains("eu-west-1");
        assertThat(settings.get(ConnectionProperty.OUTPUT_LOCATION)).contains("s3://b/");
        assertThat(settings.get(ConnectionProperty.DATABASE)).contains("sales");
        assertThat(settings.get(ConnectionProperty.USER)).contains("AKIA1");
        assertThat(settings.get(ConnectionProperty.PASSWORD)).contains("x");
        assertThat(settings.get(ConnectionProperty.NUM_RETRIES)).contains("3");
    }

    @Test
    void urlWinsOverProperties() throws SQLException {
        PropertySettings settings = PropertySettings.resolve(PREFIX + "Region=eu-west-1",
                props("region", "us-east-1", "WorkGroup", "fromProps"));
        assertThat(settings.get(ConnectionProperty.REGION)).contains("eu-west-1");
        assertThat(settings.get(ConnectionProperty.WORK_GROUP)).contains("fromProps");
    }

    @Test
    void urlWinsEvenWhenPropertiesUseAnAlias() throws SQLException {
        PropertySettings settings = PropertySettings.resolve(PREFIX + "Region=eu-west-1",
                props("AwsRegion", "us-east-1"));
        assertThat(settings.get(ConnectionProperty.REGION)).contains("eu-west-1");
    }

    @Test
    void driverManagerUserAndPasswordAreTheAccessKeys() throws SQLException {
        PropertySettings settings = PropertySettings.resolve(PREFIX, props("user", "AKIAEXAMPLE", "password", "pw"));
        assertThat(settings.get(ConnectionProperty.USER)).contains("AKIAEXAMPLE");
        assertThat(settings.get(ConnectionProperty.PASSWORD)).contains("pw");
    }

    @Test
    void emptyValuesCountAsAbsent() throws SQLException {
        PropertySettings settings = PropertySettings.resolve(PREFIX + "WorkGroup=;Region=us-east-1",
                props("user", ""));
        assertThat(settings.isSet(ConnectionProperty.WORK_GROUP)).isFalse();
        assertThat(settings.isSet(ConnectionProperty.USER)).isFalse();
    }

    @Test
    void nonStringPropertyValuesAreReadAsText() throws SQLException {
        Properties properties = new Properties();
        properties.put("FetchSize", 500);
        assertThat(PropertySettings.resolve(PREFIX, properties).get(ConnectionProperty.FETCH_SIZE)).contains("500");
    }

    @Test
    void hostSegmentBecomesTheAthenaEndpoint() throws SQLException {
        PropertySettings settings = PropertySettings.resolve(PREFIX + "athena.eu-west-1.amazonaws.com:443;Region=eu-west-1",
                null);
        assertThat(settings.get(ConnectionProperty.ATHENA_ENDPOINT)).contains("athena.eu-west-1.amazonaws.com:443");
    }

    @Test
    void unknownKeyIsAWarningWithTheNearestName() throws SQLException {
        PropertySettings settings = PropertySettings.resolve(PREFIX + "WorkGrup=x;Regoin=us-east-1", null);
        assertThat(settings.warnings()).extracting(SQLWarning::getMessage).containsExactly(
                "Unknown connection property 'WorkGrup' in the URL was ignored; did you mean WorkGroup?",
                "Unknown connection property 'Regoin' in the URL was ignored; did you mean Region?");
        assertThat(settings.warnings()).allSatisfy(w -> assertThat(w.getSQLState()).isEqualTo("01000"));
    }

    /**
     * 'Password=ab;cd=ef' is most likely the secret 'ab;cd=ef' written without braces: 'cd' is part of it, and so is
     * every unknown key up to the next known one ('ab;cd=ef;gh=ij'). A known key ends the secret.
     */
    @Test
    void unknownKeysAfterASecretAreReportedWithoutTheirNames() throws SQLException {
        PropertySettings settings = PropertySettings.resolve(PREFIX + "SecretAccessKey=ab;T41Lsecret=ef;"
                + "M0resecret=gh;Region=us-east-1;Regoin=us-east-1", props("user", "AKIAEXAMPLE"));
        assertThat(settings.warnings()).extracting(SQLWarning::getMessage)
                .allSatisfy(message -> assertThat(message).doesNotContain("T41Lsecret").doesNotContain("M0resecret"))
                .anySatisfy(message -> assertThat(message).contains("SecretAccessKey", "SecretAccessKey={"))
                .anySatisfy(message -> assertThat(message).contains("'Regoin'", "did you mean Region?"));
    }

    /**
     * Users move over from the official driver with its URL: a property of it that this driver lacks is said to be
     * one, never "corrected" to a property of ours with another meaning (LfEndpointOverride is not EndpointOverride,
     * which reroutes every service; SsoEndpoint is not S3Endpoint).
     */
    @ParameterizedTest
    @CsvSource({"LfEndpointOverride, Lake Formation", "SsoEndpoint, IAM Identity Center",
            "StreamingEndpointOverride, ResultFetcher",
            "LogLevel, SLF4J", "logpath, SLF4J"})
    void officialDriverPropertyThatIsNotSupportedIsNamedAsSuch(String name, String hint) throws SQLException {
        PropertySettings settings = PropertySettings.resolve(PREFIX + name + "=x", null);
        assertThat(settings.warnings()).singleElement().extracting(SQLWarning::getMessage).asString()
                .contains("'" + name + "'", "official Athena JDBC driver", "not supported", hint)
                .doesNotContain("did you mean");
    }

    @Test
    void unknownKeyFarFromAnyNameGetsNoSuggestion() throws SQLException {
        PropertySettings settings = PropertySettings.resolve(PREFIX, props("zzzzzzzzzzzzzz", "1"));
        assertThat(settings.warnings()).singleElement().extracting(SQLWarning::getMessage).asString()
                .contains("'zzzzzzzzzzzzzz' in the connection Properties").doesNotContain("did you mean");
    }

    @Test
    void bothSpellingsWithDifferentValuesAreRefused() {
        assertThatThrownBy(() -> PropertySettings.resolve(PREFIX + "Region=us-east-1;AwsRegion=eu-west-1", null))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Region")
                .hasMessageContaining("AwsRegion")
                .hasMessageContaining("'us-east-1'")
                .hasMessageContaining("'eu-west-1'")
                .hasMessageContaining("keep only one");
    }

    @Test
    void conflictingSecretsAreRefusedWithoutShowingThem() {
        assertThatThrownBy(() -> PropertySettings.resolve(PREFIX + "Password=first1;SecretAccessKey=second2", null))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Password")
                .hasMessageNotContaining("first1")
                .hasMessageNotContaining("second2");
    }

    @Test
    void sameValueUnderTwoSpellingsIsAccepted() throws SQLException {
        PropertySettings settings = PropertySettings.resolve(PREFIX + "Schema=a;Database=a", null);
        assertThat(settings.get(ConnectionProperty.DATABASE)).contains("a");
    }

    @Test
    void nearestNameDistanceIsLevenshtein() {
        assertThat(NearestName.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NearestName.distance("", "abc")).isEqualTo(3);
        assertThat(NearestName.suggest("fetchsise")).contains("FetchSize");
        assertThat(NearestName.suggest("rowstofetchperblok")).contains("FetchSize");
    }

    @Test
    void leniently_theLaterOfTwoValuesCounts() throws SQLException {
        PropertySettings settings = PropertySettings.resolveLeniently(PREFIX + "Region=us-east-1;AwsRegion=eu-west-1",
                props("WorkGroup", "a", "workgroup", "b"));
        assertThat(settings.get(ConnectionProperty.REGION)).contains("eu-west-1");
        assertThat(settings.get(ConnectionProperty.WORK_GROUP)).hasValueSatisfying(v -> assertThat(v).isIn("a", "b"));
        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void leniently_anUnfinishedUrlKeepsWhatCanBeRead() {
        PropertySettings settings = PropertySettings.resolveLeniently(PREFIX + "Region=us-east-1;Password={ab", null);
        assertThat(settings.get(ConnectionProperty.REGION)).contains("us-east-1");
        assertThat(settings.isSet(ConnectionProperty.PASSWORD)).isFalse();
    }
}
