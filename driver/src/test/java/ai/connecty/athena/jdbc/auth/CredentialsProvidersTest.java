package ai.connecty.athena.jdbc.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.jdbc.config.ConnectionConfig;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class CredentialsProvidersTest {
    private static final String URL = "jdbc:connecty-athena://Region=us-east-1;";

    private static AwsCredentialsProvider provider(String urlTail) throws SQLException {
        return CredentialsProviders.base(ConnectionConfig.parse(URL + urlTail, new Properties()));
    }

    @Test
    void staticKeysResolveWithoutNetwork() throws SQLException {
        AwsCredentialsProvider provider = provider("User=AKIAIOSFODNN7EXAMPLE;Password=secret/key");
        assertThat(provider).isInstanceOf(StaticCredentialsProvider.class);
        AwsCredentials credentials = provider.resolveCredentials();
        assertThat(credentials).isInstanceOf(AwsBasicCredentials.class);
        assertThat(credentials.accessKeyId()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        assertThat(credentials.secretAccessKey()).isEqualTo("secret/key");
    }

    @Test
    void driverManagerUserAndPasswordAreStaticKeys() throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", "AKIAUSER");
        info.setProperty("password", "pw");
        AwsCredentials credentials = CredentialsProviders.base(ConnectionConfig.parse(URL, info)).resolveCredentials();
        assertThat(credentials.accessKeyId()).isEqualTo("AKIAUSER");
    }

    @Test
    void sessionTokenMakesSessionCredentials() throws SQLException {
        AwsCredentials credentials = provider("AccessKeyId=ASIAX;SecretAccessKey=s;SessionToken=tok")
                .resolveCredentials();
        assertThat(credentials).isInstanceOf(AwsSessionCredentials.class);
        assertThat(((AwsSessionCredentials) credentials).sessionToken()).isEqualTo("tok");
    }

    /** The chain and profiles come watched for an ended SSO session (SsoSessionExpiry), which shows the SDK's. */
    @Test
    void namedSourcesPickTheSdkProviders() throws SQLException {
        assertThat(provider("").toString()).startsWith("DefaultCredentialsProvider(");
        assertThat(provider("CredentialsProvider=defaultchain").toString()).startsWith("DefaultCredentialsProvider(");
        assertThat(provider("CredentialsProvider=ProfileCredentials;ProfileName=dev"))
                .hasToString("ProfileCredentialsProvider(profileName=dev)");
        assertThat(provider("ProfileName=dev")).hasToString("ProfileCredentialsProvider(profileName=dev)");
        assertThat(provider("AWSCredentialsProviderClass=InstanceProfile"))
                .isInstanceOf(InstanceProfileCredentialsProvider.class);
    }

    @Test
    void defaultChainIsAFreshInstanceNotTheSharedSingleton() throws SQLException {
        assertThat(provider("")).isNotSameAs(DefaultCredentialsProvider.create());
    }

    @Test
    void customClassWithNoArgConstructor() throws SQLException {
        AwsCredentialsProvider provider = provider("CredentialsProvider=" + FixedProvider.class.getName());
        assertThat(provider).isInstanceOf(FixedProvider.class);
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIAFIXED");
    }

    @Test
    void customClassWithStaticCreate() throws SQLException {
        AwsCredentialsProvider provider = provider("CredentialsProvider=" + FactoryProvider.class.getName());
        assertThat(provider).isInstanceOf(FactoryProvider.class);
        assertThat(((FactoryProvider) provider).createdByFactory).isTrue();
    }

    @Test
    void missingClassIsAClearError() {
        assertThatThrownBy(() -> provider("CredentialsProvider=com.example.NoSuchProvider"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("com.example.NoSuchProvider was not found on the classpath");
    }

    @Test
    void classOfTheWrongTypeIsAClearError() {
        assertThatThrownBy(() -> provider("CredentialsProvider=java.lang.String"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("does not implement software.amazon.awssdk.auth.credentials.AwsCredentialsProvider");
    }

    @Test
    void classWithoutUsableConstructorIsAClearError() {
        assertThatThrownBy(() -> provider("CredentialsProvider=" + NoDefaultConstructor.class.getName()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("public no-argument constructor or a public static create() method");
    }

    /** As the official driver passes them: split at commas, each trimmed, to a constructor of as many Strings. */
    @Test
    void argumentsGoToAConstructorOfAsManyStrings() throws SQLException {
        AwsCredentialsProvider provider = provider("CredentialsProvider=" + NoDefaultConstructor.class.getName()
                + ";CredentialsProviderArguments= AKIAARG ");
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIAARG");

        provider = provider("CredentialsProvider=" + ArgumentsProvider.class.getName()
                + ";AwsCredentialsProviderArguments=AKIATWO, s3cr3t");
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIATWO");
        assertThat(provider.resolveCredentials().secretAccessKey()).isEqualTo("s3cr3t");
        assertThat(((ArgumentsProvider) provider).byArray).isFalse();
    }

    @Test
    void argumentsGoToAStringArrayConstructorOtherwise() throws SQLException {
        AwsCredentialsProvider provider = provider("CredentialsProvider=" + ArgumentsProvider.class.getName()
                + ";CredentialsProviderArguments=AKIAMANY,x,y");
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIAMANY");
        assertThat(((ArgumentsProvider) provider).byArray).isTrue();
    }

    /** The values may be tokens: the error counts them and never shows them. */
    @Test
    void argumentsWithoutAMatchingConstructorAreAClearErrorWithoutTheirValues() {
        assertThatThrownBy(() -> provider("CredentialsProvider=" + NoDefaultConstructor.class.getName()
                + ";CredentialsProviderArguments=t0ken-one,t0ken-two"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no public constructor taking 2 String parameters or one String[]")
                .hasMessageNotContaining("t0ken");
    }

    /** A constructor of as many parameters that are not all Strings does not take the arguments. */
    @Test
    void oneArgumentNeedsAConstructorOfOneString() {
        assertThatThrownBy(() -> provider("CredentialsProvider=" + NumberConstructor.class.getName()
                + ";CredentialsProviderArguments=42"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no public constructor taking 1 String parameter or one String[], which the 1 "
                        + "value of CredentialsProviderArguments need");
    }

    /**
     * A constructor that parses its argument fails with the JDK's words, which echo the value
     * ({@code For input string: "..."}): the value is hidden there too, and in the cause a logger would print.
     */
    @Test
    void aConstructorFailureNeverShowsTheArgumentValues() {
        SQLException e = catchThrowableOfType(SQLException.class, () -> provider("CredentialsProvider="
                + ParsingProvider.class.getName() + ";CredentialsProviderArguments=AKIAPARSE, t0ken-secret"));

        assertThat((Throwable) e).hasMessageContaining(ParsingProvider.class.getName() + " failed to initialise: "
                + "java.lang.NumberFormatException").hasMessageContaining("not shown")
                .hasMessageNotContaining("t0ken-secret").hasNoCause();
        assertThat(e.getSQLState()).isEqualTo("08001");
    }

    /** Without arguments there is nothing to hide: the failure is shown and kept as the cause. */
    @Test
    void aConstructorFailureWithoutArgumentsIsShownWithItsCause() {
        SQLException e = catchThrowableOfType(SQLException.class, () -> provider("CredentialsProvider="
                + ThrowingConstructor.class.getName()));

        assertThat((Throwable) e).hasMessageContaining(ThrowingConstructor.class.getName() + " failed to initialise: "
                + "java.lang.IllegalStateException: vault address unset").hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void argumentsNeedAProviderClass() {
        assertThatThrownBy(() -> provider("CredentialsProviderArguments=x"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("CredentialsProviderArguments only applies with CredentialsProvider set to the"
                        + " name of a provider class");
        assertThatThrownBy(() -> provider("CredentialsProvider=DefaultChain;CredentialsProviderArguments=x"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("CredentialsProviderArguments only applies");
    }

    public static final class ArgumentsProvider implements AwsCredentialsProvider {
        private final String keyId;
        private final String secret;
        private final boolean byArray;

        public ArgumentsProvider(String keyId, String secret) {
            this.keyId = keyId;
            this.secret = secret;
            this.byArray = false;
        }

        public ArgumentsProvider(String... arguments) {
            this.keyId = arguments[0];
            this.secret = "from-array";
            this.byArray = true;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return AwsBasicCredentials.create(keyId, secret);
        }
    }

    public static final class ParsingProvider implements AwsCredentialsProvider {
        private final int seconds;

        public ParsingProvider(String keyId, String durationSeconds) {
            this.seconds = Integer.parseInt(durationSeconds);
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return AwsBasicCredentials.create("AKIAPARSE", String.valueOf(seconds));
        }
    }

    public static final class NumberConstructor implements AwsCredentialsProvider {
        public NumberConstructor(Integer seconds) {
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return AwsBasicCredentials.create("AKIANUMBER", "number");
        }
    }

    public static final class ThrowingConstructor implements AwsCredentialsProvider {
        public ThrowingConstructor() {
            throw new IllegalStateException("vault address unset");
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return AwsBasicCredentials.create("AKIANEVER", "never");
        }
    }

    public static final class FixedProvider implements AwsCredentialsProvider {
        @Override
        public AwsCredentials resolveCredentials() {
            return AwsBasicCredentials.create("AKIAFIXED", "fixed");
        }
    }

    public static final class FactoryProvider implements AwsCredentialsProvider {
        private final boolean createdByFactory;

        private FactoryProvider(boolean createdByFactory) {
            this.createdByFactory = createdByFactory;
        }

        public static FactoryProvider create() {
            return new FactoryProvider(true);
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return AwsBasicCredentials.create("AKIAFACTORY", "factory");
        }
    }

    public static final class NoDefaultConstructor implements AwsCredentialsProvider {
        private final String keyId;

        public NoDefaultConstructor(String keyId) {
            this.keyId = keyId;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return AwsBasicCredentials.create(keyId, "none");
        }
    }
}
