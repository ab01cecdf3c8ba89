package ai.connecty.athena.jdbc.aws;

import ai.connecty.athena.jdbc.auth.AssumeRoleCredentials;
import ai.connecty.athena.jdbc.auth.CredentialsProviders;
import ai.connecty.athena.jdbc.config.ConfigErrors;
import ai.connecty.athena.jdbc.config.ConnectionConfig;
import ai.connecty.athena.jdbc.config.ConnectionProperty;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients of one connection, sharing one HTTP client and one credentials provider, and closed with the
 * connection. Building them makes no network call: credentials (including AssumeRole) are fetched on first use.
 *
 * <p>STS and Athena are built with the connection (the connect-time check needs STS; every query needs Athena).
 * Glue and S3 are built on first use, once, by the first caller of {@link #glue()} or {@link #s3()} (others wait
 * for it): building an SDK client costs tens of milliseconds of class loading in a fresh JVM, and many
 * connections never read metadata through Glue or a result from S3. A client built this way is closed with the
 * others; one asked for after {@link #close()} is not built (the caller gets the {@link IllegalStateException}
 * that a closed client gives), and one whose building ends after the clients were closed (by {@code close()}, or
 * by the last {@link #holdOpen() hold} ending) is closed at once.
 */
public final class AwsClients implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AwsClients.class);
    /** Sets of clients created and not yet closed in this JVM: lets tests prove that closing leaks none. */
    private static final AtomicInteger OPEN = new AtomicInteger();
    /** Glue and S3 clients built on first use in this JVM, and those of them not yet closed (for tests, as OPEN). */
    private static final AtomicInteger LAZY_BUILT = new AtomicInteger();
    private static final AtomicInteger LAZY_OPEN = new AtomicInteger();

    private final AthenaClient athena;
    private final Lazy<GlueClient> glue;
    private final Lazy<S3Client> s3;
    private final AwsCredentialsProvider credentials;
    private final AwsCredentialsProvider baseCredentials;
    private final StsClient sts;
    /** Everything to close, most dependent first. */
    private final Deque<AutoCloseable> resources;
    /** Guards {@link #holds} and {@link #closeRequested}. */
    private final Object lifecycle = new Object();
    private int holds;
    private boolean closeRequested;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Clients built on first use and not yet closed: lets tests prove that none is left open. */
    private final AtomicInteger lazyOpen = new AtomicInteger();
    private final AtomicInteger lazyBuilt = new AtomicInteger();
    /** Tests only: called with the service's name between building a lazy client and registering it for closing. */
    private volatile Consumer<String> afterLazyBuild = service -> { };

    private AwsClients(AthenaClient athena, Supplier<GlueClient> glue, Supplier<S3Client> s3,
                       AwsCredentialsProvider credentials, AwsCredentialsProvider baseCredentials, StsClient sts,
                       Deque<AutoCloseable> resources) {
        this.athena = athena;
        this.glue = new Lazy<>("Glue", glue);
        this.s3 = new Lazy<>("S3", s3);
        this.credentials = credentials;
        this.baseCredentials = baseCredentials;
        this.sts = sts;
        this.resources = resources;
        OPEN.incrementAndGet();
    }

    /** How many connections' clients are open in this JVM right now. */
    public static int openCount() {
        return OPEN.get();
    }

    /** How many Glue and S3 clients connections of this JVM have built (on first use) so far. */
    public static int lazyBuiltCount() {
        return LAZY_BUILT.get();
    }

    /** How many Glue and S3 clients that connections built on first use are open in this JVM right now. */
    public static int lazyOpenCount() {
        return LAZY_OPEN.get();
    }

    public static AwsClients create(ConnectionConfig config) throws SQLException {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            SdkHttpClient http = HttpClientFactory.create(config);
            resources.push(http);
            SdkClientSettings settings = new SdkClientSettings(config, http);
            // Only CredentialsProvider=JWT asks for it: AssumeRoleWithWebIdentity is unsigned, the token being the
            // caller's identity, and there are no other credentials to sign with.
            AwsCredentialsProvider base = own(resources, CredentialsProviders.base(config, () -> own(resources,
                    settings.apply(StsClient.builder(), AnonymousCredentialsProvider.create(),
                            ConnectionProperty.STS_ENDPOINT).build())));
            AwsCredentialsProvider credentials = base;
            // Signed with the base credentials: AssumeRole, and the connect-time GetCallerIdentity without a role.
            StsClient sts = own(resources, settings.apply(StsClient.builder(), base,
                    ConnectionProperty.STS_ENDPOINT).build());
            if (config.roleArn().isPresent()) {
                credentials = own(resources, AssumeRoleCredentials.create(config, sts));
            }
            AthenaClient athena = own(resources, settings.apply(AthenaClient.builder(), credentials,
                    ConnectionProperty.ATHENA_ENDPOINT).build());
            AwsCredentialsProvider signing = credentials;
            Supplier<GlueClient> glue = () -> settings.apply(GlueClient.builder(), signing,
                    ConnectionProperty.GLUE_ENDPOINT).build();
            // Emulators and private endpoints cannot serve bucket.host names, so address them path-style.
            boolean pathStyle = settings.endpoint(ConnectionProperty.S3_ENDPOINT).isPresent();
            Supplier<S3Client> s3 = () -> settings.apply(S3Client.builder(), signing,
                    ConnectionProperty.S3_ENDPOINT).forcePathStyle(pathStyle).build();
            return new AwsClients(athena, glue, s3, credentials, base, sts, resources);
        } catch (SQLException e) {
            closeAll(resources);
            throw e;
        } catch (SdkException | IllegalArgumentException e) {
            closeAll(resources);
            throw ConfigErrors.error("Could not set up the AWS clients: " + e.getMessage(), e);
        }
    }

    public AthenaClient athena() {
        return athena;
    }

    /**
     * Built by the first call (see the class comment).
     *
     * @throws IllegalStateException once the clients are closed, if it was not built before
     */
    public GlueClient glue() {
        return glue.get();
    }

    /**
     * Built by the first call (see the class comment).
     *
     * @throws IllegalStateException once the clients are closed, if it was not built before
     */
    public S3Client s3() {
        return s3.get();
    }

    /** Tests only: how many of the lazily built clients (Glue, S3) were built, and how many are open now. */
    int lazyClientsBuilt() {
        return lazyBuilt.get();
    }

    int lazyClientsOpen() {
        return lazyOpen.get();
    }

    /** Tests only: {@code hook} runs with the service's name after a lazy client is built, before it is registered. */
    void afterLazyBuild(Consumer<String> hook) {
        this.afterLazyBuild = hook;
    }

    /** STS signed with the base credentials (before any role is assumed). */
    public StsClient sts() {
        return sts;
    }

    /** The provider that signs every call (the assumed role's, when RoleArn is set). */
    public AwsCredentialsProvider credentialsProvider() {
        return credentials;
    }

    /** The credentials before any role is assumed: static keys, a profile, the default chain or a user class. */
    public AwsCredentialsProvider baseCredentialsProvider() {
        return baseCredentials;
    }

    /**
     * Keeps the clients open until the hold is closed, even if {@link #close()} is called meanwhile; that close then
     * happens when the last hold ends. For a call whose reply must not be lost: a StartQueryExecution cut off by
     * closing the HTTP client may still have started a query, and nobody would learn its id to stop it. Once close
     * was called, a new hold keeps nothing open.
     */
    public Hold holdOpen() {
        synchronized (lifecycle) {
            if (closeRequested) {
                return () -> { };
            }
            holds++;
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.getAndSet(true)) {
                return;
            }
            boolean closeNow;
            synchronized (lifecycle) {
                holds--;
                closeNow = closeRequested && holds == 0;
            }
            if (closeNow) {
                closeNow();
            }
        };
    }

    /**
     * Closes the clients, the credential providers (stopping their refresh threads) and the HTTP client, at once or,
     * while a {@link #holdOpen() hold} lasts, when the last one ends. Never waits.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closeRequested) {
                return;
            }
            closeRequested = true;
            if (holds > 0) {
                return;
            }
        }
        closeNow();
    }

    private void closeNow() {
        if (closed.getAndSet(true)) {
            return;
        }
        synchronized (resources) {
            closeAll(resources);
        }
        OPEN.decrementAndGet();
    }

    private boolean closeRequested() {
        synchronized (lifecycle) {
            return closeRequested;
        }
    }

    /**
     * A client built by the first {@link #get()}, exactly once: the first caller builds it while later ones wait on
     * this object. Building takes no lock that {@link #close()} takes, so closing never waits for a build; the
     * build registers its client for closing under the lock {@link #closeNow()} closes under, and closes it itself
     * if the clients were closed meanwhile.
     */
    private final class Lazy<T extends SdkClient> {
        private final String service;
        private final Supplier<T> builder;
        private volatile T client;

        Lazy(String service, Supplier<T> builder) {
            this.service = service;
            this.builder = builder;
        }

        T get() {
            T built = client;
            if (built != null) {
                return built;
            }
            synchronized (this) {
                if (client == null) {
                    client = build();
                }
                return client;
            }
        }

        private T build() {
            if (closeRequested()) {
                throw closedBeforeBuilt();
            }
            T built;
            try {
                built = builder.get();
            } catch (IllegalArgumentException e) {
                // As the SDK reports a client-side failure; the connect-time settings were checked when STS and
                // Athena were built from the same region, endpoints and proxy.
                throw SdkClientException.create("Could not set up the AWS " + service + " client: " + e.getMessage(), e);
            }
            countOpened();
            Runnable closing = () -> {
                countClosed();
                built.close();
            };
            afterLazyBuild.accept(service);
            synchronized (resources) {
                if (!closed.get()) {
                    resources.push(closing::run);
                    return built;
                }
            }
            closing.run();
            throw closedBeforeBuilt();
        }

        private void countOpened() {
            lazyBuilt.incrementAndGet();
            LAZY_BUILT.incrementAndGet();
            lazyOpen.incrementAndGet();
            LAZY_OPEN.incrementAndGet();
        }

        private void countClosed() {
            lazyOpen.decrementAndGet();
            LAZY_OPEN.decrementAndGet();
        }

        private IllegalStateException closedBeforeBuilt() {
            // The type a closed SDK client raises ("Connection pool shut down"), so callers meet one failure either way.
            return new IllegalStateException("The connection is closed: its " + service + " client was not built");
        }
    }

    /** A {@link #holdOpen()} in force until closed; closing it twice releases it once. */
    @FunctionalInterface
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    private static <T> T own(Deque<AutoCloseable> resources, T resource) {
        if (resource instanceof AutoCloseable) {
            resources.push((AutoCloseable) resource);
        }
        return resource;
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.debug("Ignoring failure while closing {}", resource.getClass().getName(), e);
            }
        }
    }
}
