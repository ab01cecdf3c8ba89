package ai.connecty.athena.local.http;

import ai.connecty.athena.local.LocalAthena;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The {@link SdkClients} of one test class: each made on first use (one per service and credentials, then reused
 * by every test of the class) and all closed after the class's own {@code @AfterAll} methods.
 *
 * <pre>{@code
 * @ExtendWith(LocalAthenaExtension.class)
 * class MyWireTest {
 *     static LocalAthena local;
 *     @RegisterExtension
 *     static final SdkClientsExtension clients = new SdkClientsExtension(() -> local);
 *
 *     @Test void works() { clients.athena().listWorkGroups(r -> { }); }
 * }
 * }</pre>
 *
 * The no-argument methods give the administrator's clients; the others take any credentials (a user of an
 * identities file, a role session from {@link #assumeRole}). The LocalAthena comes from a supplier because it is
 * injected or started after the class is loaded. Kept in test sources so that {@code LocalAthenaExtension} in the
 * main jar needs no AWS SDK.
 */
public final class SdkClientsExtension implements AfterAllCallback {

    private record Key(Class<?> service, AwsCredentials credentials) {
    }

    private final Supplier<LocalAthena> local;
    private final Map<Key, AutoCloseable> clients = new ConcurrentHashMap<>();

    public SdkClientsExtension(Supplier<LocalAthena> local) {
        this.local = local;
    }

    /** The administrator's ({@link SdkClients#ADMIN}) client, the one most tests use. */
    public AthenaClient athena() {
        return athena(SdkClients.ADMIN);
    }

    /** The administrator's ({@link SdkClients#ADMIN}) client. */
    public GlueClient glue() {
        return glue(SdkClients.ADMIN);
    }

    /** The administrator's ({@link SdkClients#ADMIN}) client. */
    public S3Client s3() {
        return s3(SdkClients.ADMIN);
    }

    public AthenaClient athena(AwsCredentials credentials) {
        return client(AthenaClient.class, credentials, SdkClients::athena);
    }

    public GlueClient glue(AwsCredentials credentials) {
        return client(GlueClient.class, credentials, SdkClients::glue);
    }

    public S3Client s3(AwsCredentials credentials) {
        return client(S3Client.class, credentials, SdkClients::s3);
    }

    public StsClient sts(AwsCredentials credentials) {
        return client(StsClient.class, credentials, SdkClients::sts);
    }

    /** Session credentials of {@link LocalAthena#ROLE_ARN}, assumed by the service account as the guide says. */
    public AwsCredentials assumeRole(String sessionName) {
        return SdkClients.session(sts(SdkClients.SERVICE_ACCOUNT)
                .assumeRole(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName(sessionName)).credentials());
    }

    private <C extends AutoCloseable> C client(Class<C> service, AwsCredentials credentials,
            BiFunction<LocalAthena, AwsCredentials, C> make) {
        LocalAthena athena = local.get();
        if (athena == null) {
            throw new IllegalStateException(
                    "No LocalAthena yet: ask for clients in or after @BeforeAll, once it is set");
        }
        Key key = new Key(service, credentials);
        return service.cast(clients.computeIfAbsent(key, k -> make.apply(athena, credentials)));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        List<AutoCloseable> made = new ArrayList<>(clients.values());
        clients.clear();
        Exception first = null;
        for (AutoCloseable client : made) {
            try {
                client.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
