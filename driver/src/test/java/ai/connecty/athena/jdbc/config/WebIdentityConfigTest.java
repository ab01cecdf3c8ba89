package ai.connecty.athena.jdbc.config;

import static ai.connecty.athena.jdbc.config.UrlConfigs.config;
import static ai.connecty.athena.jdbc.config.UrlConfigs.error;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** CredentialsProvider=JWT and its properties, as the official driver names them, before any network call. */
class WebIdentityConfigTest {
    private static final String BASE = ConnectionUrl.PREFIX + "Region=us-east-1;";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.secret-claims-of-the-pod.signature";
    private static final String ROLE = "arn:aws:iam::123456789012:role/reporting";

    @Test
    void theOfficialNamesAndAliasesSetTokenRoleAndSession() throws SQLException {
        ConnectionConfig canonical = config("CredentialsProvider=JWT;JwtWebIdentityToken=" + TOKEN + ";JwtRoleArn="
                + ROLE + ";JwtRoleSessionName=pod-1;RoleSessionDuration=900");
        ConnectionConfig aliased = config("CredentialsProvider=jwt;web_identity_token=" + TOKEN + ";role_arn=" + ROLE
                + ";role_session_name=pod-1");

        for (ConnectionConfig config : new ConnectionConfig[] {canonical, aliased}) {
            assertThat(config.webIdentity()).isTrue();
            assertThat(config.jwtWebIdentityToken()).hasValue(TOKEN);
            assertThat(config.jwtRoleArn()).hasValue(ROLE);
            assertThat(config.jwtRoleSessionName()).isEqualTo("pod-1");
            assertThat(config.roleArn()).isEmpty();
        }
        // RoleSessionDuration is the web identity session's length too: no "has no effect without RoleArn" warning.
        assertThat(canonical.roleSessionDurationSeconds()).isEqualTo(900);
        assertThat(canonical.warnings()).isEmpty();
    }

    @Test
    void theSessionNameDefaultsAsRoleSessionNameDoes() throws SQLException {
        ConnectionConfig config = config("CredentialsProvider=JWT;JwtWebIdentityToken=" + TOKEN + ";JwtRoleArn=" + ROLE);

        assertThat(config.jwtRoleSessionName()).matches("connecty-athena-jdbc-\\d+");
        assertThat(config.roleSessionDurationSeconds()).isEqualTo(3600);
    }

    @Test
    void aMissingTokenIsAConfigErrorNamingIt() {
        SQLException e = error("CredentialsProvider=JWT;JwtRoleArn=" + ROLE);

        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("set JwtWebIdentityToken");
    }

    @Test
    void aMissingRoleIsAConfigErrorNamingItWithoutTheToken() {
        SQLException e = error("CredentialsProvider=JWT;JwtWebIdentityToken=" + TOKEN);

        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("set JwtRoleArn").contains("trust policy").doesNotContain(TOKEN);
    }

    @Test
    void aMalformedRoleOrSessionNameIsRefusedNamingTheJwtProperty() {
        assertThat(error("CredentialsProvider=JWT;JwtWebIdentityToken=" + TOKEN + ";JwtRoleArn=reporting")
                .getMessage()).contains("JwtRoleArn").doesNotContain(TOKEN);
        assertThat(error("CredentialsProvider=JWT;JwtWebIdentityToken=" + TOKEN + ";JwtRoleArn=" + ROLE
                + ";JwtRoleSessionName=a b").getMessage()).contains("JwtRoleSessionName");
    }

    @Test
    void theJwtPropertiesWithoutJwtOnlyWarnAndTheWarningHoldsNoToken() throws SQLException {
        ConnectionConfig config = config("JwtWebIdentityToken=" + TOKEN + ";JwtRoleArn=" + ROLE);

        assertThat(config.webIdentity()).isFalse();
        assertThat(config.warnings()).extracting(SQLWarning::getMessage).containsExactly(
                "Connection property JwtWebIdentityToken has no effect without CredentialsProvider=JWT",
                "Connection property JwtRoleArn has no effect without CredentialsProvider=JWT");
    }

    @Test
    void staticKeysWithJwtAreRefused() {
        SQLException e = error("CredentialsProvider=JWT;JwtWebIdentityToken=" + TOKEN + ";JwtRoleArn=" + ROLE
                + ";User=AKIAEXAMPLE;Password=secret");

        assertThat(e.getMessage()).contains("choose one source of credentials").doesNotContain(TOKEN);
    }

    @Test
    void theTokenIsMaskedInToStringAndNeverFilledInAsPropertyInfo() throws SQLException {
        String url = BASE + "CredentialsProvider=JWT;JwtWebIdentityToken=" + TOKEN + ";JwtRoleArn=" + ROLE;
        assertThat(config("CredentialsProvider=JWT;JwtWebIdentityToken=" + TOKEN + ";JwtRoleArn=" + ROLE).toString())
                .contains("JwtWebIdentityToken=****").contains("JwtRoleArn=" + ROLE).doesNotContain(TOKEN);

        DriverPropertyInfo[] infos = PropertyInfos.describe(PropertySettings.resolve(url, new Properties()));
        DriverPropertyInfo token = Arrays.stream(infos).filter(i -> i.name.equals("JwtWebIdentityToken"))
                .findFirst().orElseThrow(AssertionError::new);
        DriverPropertyInfo role = Arrays.stream(infos).filter(i -> i.name.equals("JwtRoleArn"))
                .findFirst().orElseThrow(AssertionError::new);
        assertThat(token.value).isNull();
        assertThat(role.value).isEqualTo(ROLE);
        assertThat(ConnectionProperty.JWT_WEB_IDENTITY_TOKEN.isSecret()).isTrue();
        assertThat(ConnectionProperty.PASSWORD.isSecret()).isTrue();
    }

    @Test
    void jwtIsAKeywordOfCredentialsProviderAndNoLongerAnOfficialOnlyName() {
        assertThat(CredentialsSource.byKeyword("jwt")).isEqualTo(CredentialsSource.JWT);
        assertThat(ConnectionProperty.CREDENTIALS_PROVIDER.choices()).contains("JWT");
        for (String name : new String[] {"JwtWebIdentityToken", "web_identity_token", "JwtRoleArn", "role_arn",
                "JwtRoleSessionName", "role_session_name"}) {
            assertThat(ConnectionProperty.byName(name)).as(name).isPresent();
            assertThat(OfficialOnlyProperties.hint(name)).as(name).isEmpty();
        }
    }
}
