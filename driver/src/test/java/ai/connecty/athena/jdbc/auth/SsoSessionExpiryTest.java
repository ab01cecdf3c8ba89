package ai.connecty.athena.jdbc.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.utils.SdkAutoCloseable;

class SsoSessionExpiryTest {
    private static final String SDK_EXPIRED = "The SSO session associated with this profile has expired or is "
            + "otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.";

    @Test
    void theSdksExpiredCachedTokenNamesTheLoginOfTheConnectionsProfile() {
        SdkClientException expired = SdkClientException.create(SDK_EXPIRED);

        assertThat(SsoSessionExpiry.explain(expired, Optional.of("dev"))).hasValueSatisfying(ended -> {
            assertThat(ended.fix()).isEqualTo("run `aws sso login --profile dev` and connect again");
            assertThat(ended.problem()).contains("profile 'dev' has expired");
            assertThat(ended).hasMessageContaining(SDK_EXPIRED).hasCause(expired);
        });
    }

    @Test
    void aTokenThePortalRefusesIsAnEndedSessionToo() {
        UnauthorizedException refused = UnauthorizedException.builder().message("Session token not found or invalid")
                .build();

        assertThat(SsoSessionExpiry.explain(SdkClientException.create("Unable to load credentials", refused),
                Optional.of("corp-admin"))).hasValueSatisfying(ended -> assertThat(ended.fix())
                .contains("aws sso login --profile corp-admin"));
    }

    @Test
    void withoutProfileNameTheAdviceNamesTheProfileTheSdkUses() {
        String before = System.getProperty("aws.profile");
        System.setProperty("aws.profile", "from-property");
        try {
            assertThat(SsoSessionExpiry.explain(UnauthorizedException.builder().build(), Optional.empty()))
                    .hasValueSatisfying(ended -> assertThat(ended.fix()).contains("--profile from-property"));
        } finally {
            if (before == null) {
                System.clearProperty("aws.profile");
            } else {
                System.setProperty("aws.profile", before);
            }
        }
    }

    @Test
    void otherCredentialFailuresGetNoSsoAdvice() {
        assertThat(SsoSessionExpiry.explain(SdkClientException.create("Unable to load credentials from any of the "
                + "providers in the chain"), Optional.of("dev"))).isEmpty();
        assertThat(SsoSessionExpiry.explain(SdkClientException.create("Profile file contained no credentials for "
                + "profile 'dev'"), Optional.of("dev"))).isEmpty();
    }

    @Test
    void aWatchedProviderRaisesTheEndedSessionWhereverItIsAsked() {
        AwsCredentialsProvider watched = SsoSessionExpiry.watch(failing(SdkClientException.create(SDK_EXPIRED)),
                Optional.of("dev"));

        SsoSessionEnded ended = catchThrowableOfType(SsoSessionEnded.class, watched::resolveCredentials);

        assertThat(ended.fix()).contains("--profile dev");
        // Found again under whatever the SDK wraps it in on its way out of a client call.
        assertThat(CredentialsUnavailable.within(SdkClientException.create("Unable to execute request", ended)))
                .containsSame(ended);
    }

    @Test
    void aWatchedProviderPassesOtherFailuresAndItsCloseThrough() {
        SdkClientException other = SdkClientException.create("Profile file contained no credentials for profile 'x'");
        AtomicBoolean closed = new AtomicBoolean();
        AwsCredentialsProvider watched = SsoSessionExpiry.watch(new ClosingFailure(other, closed), Optional.of("x"));

        assertThat(catchThrowableOfType(SdkClientException.class, watched::resolveCredentials)).isSameAs(other);
        ((SdkAutoCloseable) watched).close();
        assertThat(closed).isTrue();
    }

    private static AwsCredentialsProvider failing(RuntimeException failure) {
        return () -> {
            throw failure;
        };
    }

    private static final class ClosingFailure implements AwsCredentialsProvider, SdkAutoCloseable {
        private final RuntimeException failure;
        private final AtomicBoolean closed;

        ClosingFailure(RuntimeException failure, AtomicBoolean closed) {
            this.failure = failure;
            this.closed = closed;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            throw failure;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }
}
