package ai.connecty.athena.jdbc.auth;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * STS refused to exchange a web identity token for credentials: the JwtWebIdentityToken (CredentialsProvider=JWT),
 * or the token file the SDK's default chain reads (AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN, as on EKS). Each
 * refusal has its own fix, and none is the access key advice that a 28000 otherwise carries: no key is involved.
 * An expired token can be met hours after connecting, at the refresh of the role's credentials, which is why the
 * provider raises this rather than only the connect check recognising it.
 */
public final class WebIdentityRefused extends CredentialsUnavailable {
    private static final long serialVersionUID = 1L;
    /**
     * The default chain's line for its web identity provider when STS answered it with a 4xx: the chain keeps only
     * each provider's message, not the service's exception, so the line is all there is to read.
     */
    private static final Pattern CHAIN_LINE = Pattern.compile(
            "WebIdentityTokenFileCredentialsProvider\\(\\): (.+?) \\(Service: Sts, Status Code: 4\\d\\d");

    private WebIdentityRefused(String problem, String fix, Throwable sdkFailure) {
        super("web identity token", problem, fix, sdkFailure);
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

    /**
     * The refusal of the default chain's web identity token that {@code failure} reports, if STS refused it; empty
     * when the chain found no token (then the missing keys are the problem) or STS was out of reach.
     */
    static Optional<WebIdentityRefused> inDefaultChain(SdkException failure) {
        Matcher line = CHAIN_LINE.matcher(String.valueOf(failure.getMessage()));
        if (!line.find()) {
            return Optional.empty();
        }
        String role = SdkSystemSetting.AWS_ROLE_ARN.getStringValue().orElse("the role of AWS_ROLE_ARN");
        return Optional.of(new WebIdentityRefused("STS refused the web identity token of AWS_WEB_IDENTITY_TOKEN_FILE "
                + "for " + role + ": " + line.group(1), "the role's trust policy must name the token's OIDC provider "
                + "for sts:AssumeRoleWithWebIdentity and allow its subject and audience, and AWS_ROLE_ARN must name "
                + "an existing role; an expired token is renewed by whatever writes the file (on EKS, the pod "
                + "identity webhook)", failure));
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
