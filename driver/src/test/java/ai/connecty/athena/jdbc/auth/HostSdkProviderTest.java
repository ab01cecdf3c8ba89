package ai.connecty.athena.jdbc.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A provider of the application's own (unrelocated) SDK, as the -all jar meets it. Here the driver's SDK is not
 * relocated, so {@link HostProvider} stands in for the host's interface: the copying is what is tested.
 */
class HostSdkProviderTest {

    /** Stands for the host SDK's AwsCredentialsProvider. */
    public interface HostProvider {
        Object resolveCredentials();
    }

    /** Stands for the host SDK's AwsSessionCredentials, reached through a class that is not public. */
    public interface HostSessionCredentials {
        String accessKeyId();

        String secretAccessKey();

        String sessionToken();
    }

    public static final class HostBasicCredentials {
        public String accessKeyId() {
            return "AKIAHOST";
        }

        public String secretAccessKey() {
            return "host-secret";
        }
    }

    private static final class HiddenSession implements HostSessionCredentials {
        @Override
        public String accessKeyId() {
            return "ASIAHOST";
        }

        @Override
        public String secretAccessKey() {
            return "host-session-secret";
        }

        @Override
        public String sessionToken() {
            return "host-token";
        }
    }

    private static final class Closing implements HostProvider, AutoCloseable {
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public Object resolveCredentials() {
            return new HostBasicCredentials();
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private static HostSdkProvider wrap(HostProvider provider) throws NoSuchMethodException {
        return HostSdkProvider.wrap(provider, HostProvider.class);
    }

    @Test
    void keysWithoutASessionTokenAreBasicCredentials() throws Exception {
        AwsCredentials credentials = wrap(HostBasicCredentials::new).resolveCredentials();

        assertThat(credentials).isInstanceOf(AwsBasicCredentials.class).isNotInstanceOf(AwsSessionCredentials.class);
        assertThat(credentials.accessKeyId()).isEqualTo("AKIAHOST");
        assertThat(credentials.secretAccessKey()).isEqualTo("host-secret");
    }

    @Test
    void sessionCredentialsOfANonPublicClassAreReadThroughTheirPublicInterface() throws Exception {
        AwsCredentials credentials = wrap(HiddenSession::new).resolveCredentials();

        assertThat(credentials).isInstanceOf(AwsSessionCredentials.class);
        assertThat(credentials.accessKeyId()).isEqualTo("ASIAHOST");
        assertThat(credentials.secretAccessKey()).isEqualTo("host-session-secret");
        assertThat(((AwsSessionCredentials) credentials).sessionToken()).isEqualTo("host-token");
    }

    @Test
    void aFailingProviderIsAClientFailureNamingItsClass() throws Exception {
        HostProvider failing = () -> {
            throw new IllegalStateException("vault down");
        };
        assertThatThrownBy(() -> wrap(failing).resolveCredentials()).isInstanceOf(SdkClientException.class)
                .hasMessageContaining("failed: java.lang.IllegalStateException: vault down")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void credentialsWithoutASecretAreAClientFailure() throws Exception {
        assertThatThrownBy(() -> wrap(Object::new).resolveCredentials()).isInstanceOf(SdkClientException.class)
                .hasMessageContaining("returned credentials the driver cannot read")
                .hasMessageContaining("accessKeyId()");
    }

    @Test
    void closingClosesTheApplicationsProvider() throws Exception {
        Closing provider = new Closing();
        wrap(provider).close();
        assertThat(provider.closed).isTrue();
    }

    /** In the plain jar the application's providers are the driver's type: nothing to wrap. */
    @Test
    void aProviderOfTheDriversOwnSdkNeedsNoWrapping() {
        assertThat(HostSdkProvider.hostInterface(CredentialsProvidersTest.FixedProvider.class)).isEmpty();
    }
}
