package ai.connecty.athena.jdbc.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connect-time credentials check against an STS served by WireMock: GetCallerIdentity without a role, the
 * STS endpoint override honoured apart from EndpointOverride, and STS's errors mapped to 28000 / 42501.
 */
class CredentialsCheckWireMockTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private WireMockServer sts;
    private WireMockServer everythingElse;

    @BeforeEach
    void start() {
        sts = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        everythingElse = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        sts.start();
        everythingElse.start();
    }

    @AfterEach
    void stop() {
        sts.stop();
        everythingElse.stop();
    }

    private String url(String extra) {
        return "jdbc:connecty-athena://Region=us-east-1;NumRetries=0;EndpointOverride=http://127.0.0.1:"
                + everythingElse.port() + ";StsEndpoint=http://127.0.0.1:" + sts.port() + ";" + extra;
    }

    private void stsReplies(String action, int status, String body) {
        sts.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=" + action))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body)));
    }

    private static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>"
                + code + "</Code><Message>" + message + "</Message></Error><RequestId>r-1</RequestId></ErrorResponse>";
    }

    @Test
    void withoutARoleConnectCallsGetCallerIdentityOnTheStsEndpoint() throws SQLException {
        stsReplies("GetCallerIdentity", 200, "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/connecty-sa</Arn><UserId>AIDAEXAMPLE</UserId>"
                + "<Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r-2</RequestId>"
                + "</ResponseMetadata></GetCallerIdentityResponse>");
        try (Connection connection = DriverManager.getConnection(url(""), "AKIAIOSFODNN7EXAMPLE", SECRET)) {
            assertThat(connection.isValid(0)).isTrue();
        }
        sts.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=GetCallerIdentity")));
        assertThat(everythingElse.getAllServeEvents()).isEmpty();
    }

    @Test
    void aWrongKeyFailsConnectWith28000WithoutEchoingTheSecret() {
        stsReplies("GetCallerIdentity", 403, error("InvalidClientTokenId",
                "The security token included in the request is invalid."));
        SQLException e = catchThrowableOfType(SQLInvalidAuthorizationSpecException.class,
                () -> DriverManager.getConnection(url(""), "AKIAWRONG", SECRET));
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("28000");
        assertThat(e.getMessage()).contains("credentials check").contains("security token included in the request is invalid")
                .contains("InvalidClientTokenId").doesNotContain(SECRET);
    }

    @Test
    void aRefusedAssumeRoleFailsConnectWith42501AndNamesTheTrustPolicy() {
        String role = "arn:aws:iam::123456789012:role/connecty-athena";
        stsReplies("AssumeRole", 403, error("AccessDenied", "User: arn:aws:iam::123456789012:user/connecty-sa is not "
                + "authorized to perform: sts:AssumeRole on resource: " + role));
        SQLException e = catchThrowableOfType(SQLException.class,
                () -> DriverManager.getConnection(url("RoleArn=" + role), "AKIAIOSFODNN7EXAMPLE", SECRET));
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("42501");
        assertThat(e.getMessage()).contains("sts:AssumeRole").contains(role).contains("trust policy");
        assertThat(everythingElse.getAllServeEvents()).isEmpty();
    }

    @Test
    void aProfileWithoutCredentialsFailsConnectWith28000WithoutCallingSts() {
        // The README's Troubleshooting: "no credentials were found", 28000; not "STS could not be reached", 08001,
        // which would send the user to look at the network although no request was made.
        SQLException e = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(
                url("CredentialsProvider=ProfileCredentials;ProfileName=connecty-no-such-profile-4f1c")));
        assertThat((Throwable) e).isNotNull();
        assertThat((Throwable) e).isInstanceOf(SQLInvalidAuthorizationSpecException.class);
        assertThat(e.getSQLState()).isEqualTo("28000");
        assertThat(e.getMessage()).contains("no credentials were found").contains("connecty-no-such-profile-4f1c")
                .doesNotContain("STS could not be reached");
        assertThat(sts.getAllServeEvents()).isEmpty();
        assertThat(everythingElse.getAllServeEvents()).isEmpty();
    }

    /** A provider class of the application that fails its own way is a credentials failure too, not an unchecked one. */
    @Test
    void aProviderClassThatThrowsFailsConnectWith28000() {
        SQLException e = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(
                url("CredentialsProvider=" + ThrowingProvider.class.getName())));
        assertThat((Throwable) e).isInstanceOf(SQLInvalidAuthorizationSpecException.class);
        assertThat(e.getMessage()).contains("no credentials were found").contains("token file missing");
        assertThat(sts.getAllServeEvents()).isEmpty();
    }

    public static final class ThrowingProvider implements software.amazon.awssdk.auth.credentials.AwsCredentialsProvider {
        @Override
        public software.amazon.awssdk.auth.credentials.AwsCredentials resolveCredentials() {
            throw new IllegalStateException("token file missing");
        }
    }

    @Test
    void anUnreachableStsFailsConnectWith08001AndTheCheckCanBeTurnedOff() throws SQLException {
        String url = url("");
        sts.stop();
        SQLException e = catchThrowableOfType(SQLException.class,
                () -> DriverManager.getConnection(url, "AKIAIOSFODNN7EXAMPLE", SECRET));
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("STS could not be reached").contains("ValidateCredentials=false");
        try (Connection connection = DriverManager.getConnection(url + "ValidateCredentials=false",
                "AKIAIOSFODNN7EXAMPLE", SECRET)) {
            assertThat(connection.isClosed()).isFalse();
        }
    }
}
