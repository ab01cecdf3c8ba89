package ai.connecty.athena.jdbc.auth;

import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * An SDK provider whose failures that only the user can fix (an ended SSO sign-in, a refused web identity token) are
 * raised as the {@link CredentialsUnavailable} that says how; every other failure passes through as the SDK raised
 * it. The wrapping is what lets a failure met hours after connecting, at a refresh, carry the same fix as at connect.
 */
final class ExplainingCredentials implements AwsCredentialsProvider, SdkAutoCloseable {
    private final AwsCredentialsProvider delegate;
    private final Function<SdkException, Optional<? extends CredentialsUnavailable>> explain;
    private final String shown;

    /** @param shown what toString says: never a token */
    ExplainingCredentials(AwsCredentialsProvider delegate,
                          Function<SdkException, Optional<? extends CredentialsUnavailable>> explain, String shown) {
        this.delegate = delegate;
        this.explain = explain;
        this.shown = shown;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return delegate.resolveCredentials();
        } catch (CredentialsUnavailable e) {
            throw e;
        } catch (SdkException e) {
            Optional<? extends CredentialsUnavailable> explained = explain.apply(e);
            if (explained.isPresent()) {
                throw explained.get();
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (delegate instanceof SdkAutoCloseable) {
            ((SdkAutoCloseable) delegate).close();
        }
    }

    @Override
    public String toString() {
        return shown;
    }
}
