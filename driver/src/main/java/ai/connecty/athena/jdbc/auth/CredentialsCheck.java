package ai.connecty.athena.jdbc.auth;

import ai.connecty.athena.jdbc.config.ConnectionConfig;
import ai.connecty.athena.jdbc.errors.ErrorTranslator;
import ai.connecty.athena.jdbc.errors.SqlState;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The connect-time check that the credentials work, so that a tool's "Test Connection" fails on a wrong key
 * instead of reporting success. It runs no query and costs nothing: with RoleArn it is the role's first
 * AssumeRole (the credentials the connection then uses, so no call is wasted); without a role it is STS
 * GetCallerIdentity, which every valid identity may call (IAM cannot deny it).
 */
public final class CredentialsCheck {
    private static final String FAILED = "Connecting failed the credentials check: ";

    private static final Logger LOG = LoggerFactory.getLogger(CredentialsCheck.class);

    private CredentialsCheck() {
    }

    /**
     * @param base    the credentials before any role is assumed (they sign the STS calls); with
     *                CredentialsProvider=JWT, those of JwtRoleArn, obtained by resolving them
     * @param signing the provider that signs the connection's calls (the assumed role's, with RoleArn)
     * @param sts     STS signed with the base credentials
     * @throws SQLException 28000 when AWS refuses the key or secret (or no credentials are found), 42501 when the
     *                      identity may not assume the role (trust policy, permission, or no such role), 08001
     *                      when STS cannot be reached
     */
    public static void verify(ConnectionConfig config, AwsCredentialsProvider base, AwsCredentialsProvider signing,
                              StsClient sts) throws SQLException {
        String roleArn = config.roleArn().orElse(null);
        String what = roleArn == null ? "STS GetCallerIdentity" : "STS AssumeRole of " + roleArn;
        try {
            // Loaded first, so that a profile or provider without keys is told apart from an STS out of reach:
            // the SDK reports both as client errors, and nothing has been sent to STS yet.
            base.resolveCredentials();
        } catch (SdkException e) {
            // An ended SSO sign-in, a refused or expired web identity token: the provider knows the fix.
            Optional<CredentialsUnavailable> unavailable = CredentialsUnavailable.within(e);
            if (unavailable.isPresent()) {
                throw new SQLInvalidAuthorizationSpecException(FAILED + unavailable.get().getMessage(),
                        SqlState.INVALID_AUTHORIZATION, e);
            }
            if (config.webIdentity()) {
                // Not a refusal (those are above): STS out of reach or a malformed request. No keys are missing.
                throw translate("STS AssumeRoleWithWebIdentity of " + config.jwtRoleArn().orElse(""), null, e);
            }
            Optional<String> throttled = StsThrottling.in(e);
            if (throttled.isPresent()) {
                throw throttled(what, throttled.get(), e);
            }
            Optional<String> refusal = e instanceof SdkClientException ? providerRefusal(e) : Optional.empty();
            if (refusal.isPresent()) {
                throw providerRefused(what, refusal.get(), e);
            }
            throw e instanceof SdkClientException ? noCredentials(what, e) : translate(what, roleArn, e);
        } catch (RuntimeException e) {
            // A CredentialsProvider class of the application may fail in any way; the SDK would have wrapped it.
            throw noCredentials(what, SdkClientException.create(String.valueOf(e), e));
        }
        try {
            if (roleArn == null) {
                GetCallerIdentityResponse identity = sts.getCallerIdentity();
                LOG.debug("Credentials check: connected as {}", identity.arn());
            } else {
                signing.resolveCredentials();
                LOG.debug("Credentials check: assumed {}", roleArn);
            }
        } catch (SdkException e) {
            throw translate(what, roleArn, e);
        }
    }

    private static SQLException translate(String what, String roleArn, SdkException failure) {
        SdkException e = innermostAws(failure);
        if (e instanceof AwsServiceException) {
            SQLException translated = ErrorTranslator.fromSdk(what, null, e);
            if (SqlState.INSUFFICIENT_PRIVILEGE.equals(translated.getSQLState()) && roleArn != null) {
                return new SQLException(FAILED + translated.getMessage() + " The role's trust policy must name the "
                        + "identity of the access key (the service-account user) and that user needs sts:AssumeRole "
                        + "on the role; check also that RoleArn names an existing role.",
                        SqlState.INSUFFICIENT_PRIVILEGE, e);
            }
            if (SqlState.INVALID_AUTHORIZATION.equals(translated.getSQLState())) {
                return new SQLInvalidAuthorizationSpecException(FAILED + translated.getMessage(),
                        SqlState.INVALID_AUTHORIZATION, e);
            }
            return new SQLException(FAILED + translated.getMessage(), translated.getSQLState(), e);
        }
        String message = String.valueOf(e.getMessage());
        if (e instanceof SdkClientException && message.contains("Unable to load credentials")) {
            return noCredentials(what, e);
        }
        return new SQLNonTransientConnectionException(FAILED + what + ": STS could not be reached: " + message
                + " Check the network, the proxy settings and StsEndpoint/EndpointOverride; "
                + "ValidateCredentials=false skips this check.", SqlState.CONNECTION_FAILURE, e);
    }

    /**
     * The provider found its source (a web identity token, a profile's role) but AWS refused the exchange: keys
     * would not help, the token's or the role's setup would.
     */
    private static SQLException providerRefused(String what, String refusal, SdkException e) {
        return new SQLInvalidAuthorizationSpecException(FAILED + what + ": the credentials provider's own call to "
                + "AWS was refused: " + refusal + ". For a web identity token (AWS_WEB_IDENTITY_TOKEN_FILE and "
                + "AWS_ROLE_ARN), the role's trust policy must name the token's OIDC provider and allow its subject "
                + "and audience; for a profile that assumes a role, check its role_arn and source credentials.",
                SqlState.INVALID_AUTHORIZATION, e);
    }

    /**
     * What AWS answered a provider that found its source and exchanged it (a web identity token, a profile's role),
     * if it refused: a provider raises the service's exception as a cause. (The default chain keeps only each
     * provider's message; its web identity refusal arrives as a {@link WebIdentityRefused}, read above.)
     */
    static Optional<String> providerRefusal(SdkException e) {
        SdkException service = innermostAws(e);
        if (service instanceof AwsServiceException) {
            AwsServiceException refusal = (AwsServiceException) service;
            return Optional.of(refusal.awsErrorDetails() == null ? String.valueOf(refusal.getMessage())
                    : refusal.awsErrorDetails().errorMessage() + " [" + refusal.awsErrorDetails().errorCode() + "]");
        }
        return Optional.empty();
    }

    /**
     * The provider's own exchange with STS was throttled (a profile's role, a web identity token): neither missing
     * keys nor a refusal, and transient, as a throttled call is everywhere else (53000).
     */
    private static SQLException throttled(String what, String stsSaid, SdkException e) {
        return new SQLTransientException(FAILED + what + ": STS throttled the credentials provider's own call ("
                + stsSaid + "); connect again in a moment, or spread out the connections that exchange credentials at "
                + "once", SqlState.THROTTLED, e);
    }

    private static SQLException noCredentials(String what, SdkException e) {
        return new SQLInvalidAuthorizationSpecException(FAILED + what
                + ": no credentials were found: " + e.getMessage() + " Set User and Password (the access key id and "
                + "secret), or CredentialsProvider/ProfileName.", SqlState.INVALID_AUTHORIZATION, e);
    }

    /** Credential providers may wrap the STS error; the service's own error carries the code that matters. */
    private static SdkException innermostAws(SdkException e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof AwsServiceException) {
                return (AwsServiceException) t;
            }
        }
        return e;
    }
}
