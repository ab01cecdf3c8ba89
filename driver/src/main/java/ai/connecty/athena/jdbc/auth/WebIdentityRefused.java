package ai.connecty.athena.jdbc.auth;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * STS refused to exchange a web identity token for credentials: the JwtWebIdentityToken (CredentialsProvider=JWT),
 * the token file the SDK's default chain reads (AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN, as on EKS), or the
 * one a profile names ({@code web_identity_token_file} with {@code role_arn}, read by the SDK's profile provider). Each
 * refusal has its own fix, and none is the access key advice that a 28000 otherwise carries: no key is involved.
 * An expired token can be met hours after connecting, at the refresh of the role's credentials, which is why the
 * provider raises this rather than only the connect check recognising it.
 */
public final class WebIdentityRefused extends CredentialsUnavailable {
    private static final long serialVersionUID = 1L;
    /** One provider's words in the chain's message: they never run into the next provider's line. */
    static final String WORDS = "((?:(?!CredentialsProvider\\().)+?)";
    /** What ends a provider's line when STS answered it with a 4xx. */
    static final String STS_4XX = " \\(Service: Sts, Status Code: 4\\d\\d";
    /**
     * The default chain's line for its web identity provider when STS answered it with a 4xx: the chain keeps only
     * each provider's message, not the service's exception, so the line is all there is to read.
     */
    private static final Pattern CHAIN_LINE = Pattern.compile(
            "WebIdentityTokenFileCredentialsProvider\\(\\): " + WORDS + STS_4XX);
    /** The chain's line for its profile provider (AWS_PROFILE's profile) when STS answered it with a 4xx. */
    private static final Pattern CHAIN_PROFILE_LINE = Pattern.compile(
            "ProfileCredentialsProvider\\(profileName=([^,)]+)(?:(?!CredentialsProvider\\().)*?\\): " + WORDS
                    + STS_4XX);

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
     * The refusal of the default chain's web identity token that {@code failure} reports, if STS refused it: the
     * token file of AWS_WEB_IDENTITY_TOKEN_FILE, or the one of the chain's profile (AWS_PROFILE's, or default); empty
     * when the chain found no token (then the missing keys are the problem), STS was out of reach or throttled.
     */
    static Optional<WebIdentityRefused> inDefaultChain(SdkException failure, Supplier<ProfileFile> profiles) {
        String message = String.valueOf(failure.getMessage());
        Matcher line = CHAIN_LINE.matcher(message);
        if (line.find() && !StsThrottling.WORDS.matcher(line.group(1)).find()) {
            String role = SdkSystemSetting.AWS_ROLE_ARN.getStringValue().orElse("the role of AWS_ROLE_ARN");
            return Optional.of(tokenFileRefused("AWS_WEB_IDENTITY_TOKEN_FILE", role, "AWS_ROLE_ARN", line.group(1),
                    failure));
        }
        Matcher profileLine = CHAIN_PROFILE_LINE.matcher(message);
        if (profileLine.find() && !StsThrottling.WORDS.matcher(profileLine.group(2)).find()) {
            return ofProfile(profileLine.group(1), profileLine.group(2), failure, profiles);
        }
        return Optional.empty();
    }

    /**
     * The refusal of the web identity token file of profile {@code profileName} that {@code failure} reports, if the
     * profile exchanges one ({@code web_identity_token_file} and {@code role_arn}) and STS refused it; empty for
     * any other profile (keys, a role of a source profile, SSO) and when STS was out of reach or throttled. The
     * SDK's profile provider raises STS's own exception, so the refusal is read from it, not from a line.
     */
    static Optional<WebIdentityRefused> inProfile(SdkException failure, String profileName,
                                                  Supplier<ProfileFile> profiles) {
        return stsRefusal(failure).flatMap(refusal -> {
            AwsErrorDetails details = refusal.awsErrorDetails();
            String said = details.errorMessage() != null ? details.errorMessage() : details.errorCode();
            return ofProfile(profileName, said, failure, profiles);
        });
    }

    /** STS's refusal {@code said} as the refusal of profile {@code profileName}'s token file, if it names one. */
    private static Optional<WebIdentityRefused> ofProfile(String profileName, String said, SdkException failure,
                                                          Supplier<ProfileFile> profiles) {
        Optional<Profile> profile;
        try {
            profile = profiles.get().profile(profileName);
        } catch (RuntimeException e) { // The file changed since the provider read it: nothing to explain with.
            return Optional.empty();
        }
        Optional<String> tokenFile = profile.flatMap(p -> p.property(ProfileProperty.WEB_IDENTITY_TOKEN_FILE));
        Optional<String> role = profile.flatMap(p -> p.property(ProfileProperty.ROLE_ARN));
        if (!tokenFile.isPresent() || !role.isPresent()) {
            return Optional.empty();
        }
        String setting = "web_identity_token_file " + tokenFile.get() + " of profile '" + profileName + "'";
        return Optional.of(tokenFileRefused(setting, role.get(), "role_arn of profile '" + profileName + "'", said,
                failure));
    }

    /** The 4xx answer of STS among {@code failure} and its causes, throttling aside (waiting would fix that). */
    private static Optional<AwsServiceException> stsRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AwsServiceException) {
                AwsServiceException service = (AwsServiceException) t;
                boolean refused = service.awsErrorDetails() != null && "Sts".equalsIgnoreCase(
                        service.awsErrorDetails().serviceName()) && service.statusCode() >= 400
                        && service.statusCode() < 500 && !service.isThrottlingException();
                return refused ? Optional.of(service) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * A token file's refusal, the same words for each place a file is named in (the environment, a profile): what
     * STS said, which role, and the fix, which is the role's trust policy or whatever writes the file, never keys.
     *
     * @param tokenFile  the setting that names the file, and with a profile the file itself (never its contents)
     * @param roleSetting the setting that names the role
     */
    private static WebIdentityRefused tokenFileRefused(String tokenFile, String role, String roleSetting,
                                                       String stsSaid, SdkException failure) {
        return new WebIdentityRefused("STS refused the web identity token of " + tokenFile + " for " + role + ": "
                + stsSaid, "the role's trust policy must name the token's OIDC provider for "
                + "sts:AssumeRoleWithWebIdentity and allow its subject and audience, and " + roleSetting + " must name "
                + "an existing role; an expired token is renewed by whatever writes the file (on EKS, the pod "
                + "identity webhook)", failure);
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
