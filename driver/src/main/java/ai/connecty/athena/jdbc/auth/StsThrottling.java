package ai.connecty.athena.jdbc.auth;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * STS throttled a credentials provider's exchange (a role's AssumeRole, a web identity token's): STS answers a 400
 * "Throttling: Rate exceeded", which reads like a refusal, but waiting fixes it, not a trust policy or a key. A
 * provider may raise STS's exception as a cause, while the SDK's default chain keeps only each provider's line of
 * text, so both are read.
 */
final class StsThrottling {
    /** STS's words when it throttles; a provider's line in the chain's message keeps no error code. */
    static final Pattern WORDS = Pattern.compile("(?i)rate exceeded|throttl|too many requests");
    /** One provider's line of the chain's message that STS answered with a 4xx: the words, up to STS's status. */
    private static final Pattern STS_LINE = Pattern.compile(
            "CredentialsProvider\\([^)]*\\): " + WebIdentityRefused.WORDS + WebIdentityRefused.STS_4XX);

    private StsThrottling() {
    }

    /** What STS said when it throttled the exchange {@code failure} reports; empty if it did not. */
    static Optional<String> in(SdkException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AwsServiceException && ((AwsServiceException) t).isThrottlingException()) {
                return Optional.of(String.valueOf(t.getMessage()));
            }
        }
        Matcher line = STS_LINE.matcher(String.valueOf(failure.getMessage()));
        while (line.find()) {
            if (WORDS.matcher(line.group(1)).find()) {
                return Optional.of(line.group(1));
            }
        }
        return Optional.empty();
    }
}
