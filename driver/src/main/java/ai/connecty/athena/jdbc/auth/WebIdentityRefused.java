package ai.connecty.athena.jdbc.auth;

import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * STS refused to exchange the JwtWebIdentityToken for credentials (CredentialsProvider=JWT). Each refusal has its
 * own fix, and none is the access key advice that a 28000 otherwise carries: no key is involved. An expired token
 * can be met hours after connecting, at the refresh of the role's credentials, which is why the provider raises
 * this rather than only the connect check recognising it.
 */
public final class WebIdentityRefused extends CredentialsUnavailable {
    private static final long serialVersionUID = 1L;

    private WebIdentityRefused(String problem, String fix, Throwable sdkFailure) {
        super(problem, fix, sdkFailure);
    }

    /** The refusal {@code failure} stands for, if STS refused the token or the role; empty for anything else. */
    static Optional<WebIdentityRefused> explain(SdkException failure, String roleArn) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AwsServiceException && ((AwsServiceException) t).awsErrorDetails() != null) {
                return of(((AwsServiceException) t).awsErrorDetails().errorCode(), roleArn, failure);
            }
        }
        return Optional.empty();
    }

    private static Optional<WebIdentityRefused> of(String code, String roleArn, SdkException failure) {
        if (code == null) {
            return Optional.empty();
        }
        switch (code) {
            case "ExpiredTokenException":
            case "ExpiredToken":
                return Optional.of(new WebIdentityRefused("the JwtWebIdentityToken has expired",
                        "get a new token from the identity provider and reconnect", failure));
            case "InvalidIdentityToken":
            case "InvalidIdentityTokenException":
                return Optional.of(new WebIdentityRefused("STS did not accept the JwtWebIdentityToken as a token of "
                        + "an OIDC provider known to IAM (InvalidIdentityToken)", "pass the token exactly as the "
                        + "identity provider issued it, and check that the provider is registered in IAM "
                        + "(IAM -> Identity providers) in the account of " + roleArn, failure));
            case "IDPRejectedClaim":
                return Optional.of(new WebIdentityRefused("the identity provider of the JwtWebIdentityToken rejected "
                        + "its claims (IDPRejectedClaim)", "get a new token from the identity provider and reconnect",
                        failure));
            case "AccessDenied":
            case "AccessDeniedException":
                return Optional.of(new WebIdentityRefused("role " + roleArn + " may not be assumed with the "
                        + "JwtWebIdentityToken (AccessDenied on sts:AssumeRoleWithWebIdentity)", "the role's trust "
                        + "policy must name the token's OIDC provider (\"Principal\": {\"Federated\": "
                        + "\"arn:aws:iam::<account>:oidc-provider/<issuer>\"}) for sts:AssumeRoleWithWebIdentity "
                        + "and its conditions must allow the token's sub and aud; check also that JwtRoleArn names "
                        + "an existing role", failure));
            default:
                return Optional.empty();
        }
    }
}
