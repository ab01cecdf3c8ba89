package ai.connecty.athena.local;

import ai.connecty.athena.local.api.JsonOperationHandler;
import ai.connecty.athena.local.auth.Authenticator;
import ai.connecty.athena.local.auth.IdentityStore;
import ai.connecty.athena.local.auth.SessionStore;
import ai.connecty.athena.local.control.ControlEndpoint;
import ai.connecty.athena.local.control.Faults;
import ai.connecty.athena.local.control.Readiness;
import ai.connecty.athena.local.control.RequestLog;
import ai.connecty.athena.local.demo.DemoData;
import ai.connecty.athena.local.engine.QueryHistory;
import ai.connecty.athena.local.http.EndpointHandler;
import ai.connecty.athena.local.http.JsonServiceEndpoint;
import ai.connecty.athena.local.http.SelfSignedTls;
import ai.connecty.athena.local.http.ServiceBackend;
import ai.connecty.athena.local.s3.S3Endpoint;
import ai.connecty.athena.local.storage.BucketStore;
import ai.connecty.athena.local.sso.SsoPortalEndpoint;
import ai.connecty.athena.local.sts.StsEndpoint;
import ai.connecty.athena.local.warehouse.LocalWarehouse;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * athena-local: Athena, Glue, STS and S3 on one local port.
 *
 * <pre>{@code
 * try (LocalAthena athena = LocalAthena.builder().port(0).dataDir(dir).build().start()) {
 *     athena.awaitReady(Duration.ofMinutes(1));
 *     Connection c = DriverManager.getConnection(athena.jdbcUrl());
 * }
 * }</pre>
 */
public final class LocalAthena implements AutoCloseable {

    static {
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on, a reply
        // that fits in few segments waited for the client's delayed ACK: ~40 ms on every mid-sized response
        // (measured: 500-row GetQueryResults pages took 48 ms each, 9 ms with this set). Read once, when the
        // server classes initialise, so it must be set before the first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    public static final String ACCOUNT_ID = "123456789012";
    public static final String REGION = "us-east-1";
    public static final int DEFAULT_PORT = 4566;
    /** The service account of the connection guide (its public example key). */
    public static final String SERVICE_ACCOUNT_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String SERVICE_ACCOUNT_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public static final String ROLE_ARN = "arn:aws:iam::123456789012:role/connecty-athena";
    public static final String DEMO_BUCKET = DemoData.BUCKET;
    public static final String RESULTS_BUCKET = "athena-results";

    private static final Logger LOG = LoggerFactory.getLogger(LocalAthena.class);
    private static final int THREADS = 32;

    private final Builder config;
    private final RequestLog requestLog = new RequestLog();
    private final Faults faults = new Faults();
    private final AtomicReference<Readiness> readiness = new AtomicReference<>(Readiness.STARTING);
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private HttpServer server;
    private ExecutorService executor;
    private ServiceBackend backend;
    private BucketStore buckets;
    private SelfSignedTls tls;
    private boolean closed;

    private LocalAthena(Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port, creates the buckets and starts preparing the demo data in the background. */
    public synchronized LocalAthena start() {
        if (server != null) {
            throw new IllegalStateException("athena-local is already started");
        }
        IdentityStore identities = config.identities == null ? IdentityStore.defaults()
                : IdentityStore.load(config.identities);
        buckets = new BucketStore(config.dataDir);
        buckets.createBucket(DEMO_BUCKET);
        buckets.createBucket(RESULTS_BUCKET);
        backend = config.backendFactory.create(config.dataDir, buckets, faults, identities.accountId(), REGION);
        SessionStore sessions = new SessionStore();
        Clock clock = Clock.systemUTC();
        EndpointHandler handler = new EndpointHandler(
                new JsonServiceEndpoint(backend::athena, backend::glue),
                new StsEndpoint(identities, sessions, faults, clock),
                new S3Endpoint(buckets, REGION),
                new SsoPortalEndpoint(identities, sessions, faults, clock),
                new ControlEndpoint(requestLog, faults, readiness::get),
                new Authenticator(identities, sessions, clock), faults, requestLog, clock);
        try {
            server = createServer();
        } catch (IOException e) {
            backend.close();
            throw new UncheckedIOException("Cannot listen on " + config.host + ":" + config.port + ": " + e.getMessage(), e);
        }
        executor = newExecutor();
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        LOG.info("athena-local listening on {}", endpoint());
        prepareDemoDataInBackground();
        return this;
    }

    private HttpServer createServer() throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(config.host), config.port);
        if (!config.tls) {
            return HttpServer.create(address, 0);
        }
        tls = new SelfSignedTls(config.dataDir);
        HttpsServer https = HttpsServer.create(address, 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls.sslContext()));
        return https;
    }

    private static ExecutorService newExecutor() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "athena-local-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private void prepareDemoDataInBackground() {
        if (!config.demoData) {
            markReady();
            return;
        }
        Thread preparer = new Thread(() -> {
            try {
                backend.prepareDemoData();
                markReady();
            } catch (RuntimeException | Error e) {
                LOG.error("Preparing the demo data failed", e);
                readiness.set(Readiness.failed(String.valueOf(e.getMessage())));
                ready.completeExceptionally(e);
            }
        }, "athena-local-demo-data");
        preparer.setDaemon(true);
        preparer.start();
    }

    private void markReady() {
        readiness.set(Readiness.READY);
        ready.complete(null);
    }

    /** Blocks until the demo data is ready (immediately without demo data). */
    public LocalAthena awaitReady(Duration timeout) {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return this;
        } catch (TimeoutException e) {
            throw new IllegalStateException("athena-local was not ready after " + timeout
                    + "; GET " + endpoint() + "/_athena-local/health shows its state", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("athena-local failed to prepare its demo data: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for athena-local", e);
        }
    }

    public boolean isReady() {
        return readiness.get().state() == Readiness.State.READY;
    }

    /** {@code http://127.0.0.1:<port>} ({@code https} with TLS); the one endpoint for every service. */
    public URI endpoint() {
        requireStarted();
        String host = server.getAddress().getAddress().isAnyLocalAddress() ? "127.0.0.1" : hostForUri();
        return URI.create((config.tls ? "https" : "http") + "://" + host + ":" + port());
    }

    private String hostForUri() {
        String host = server.getAddress().getAddress().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    public int port() {
        requireStarted();
        return server.getAddress().getPort();
    }

    /**
     * The ready JDBC URL for the guide's flow: the service account's key assumes the role. The secret in it
     * is the guide's public example key, not a real credential.
     */
    public String jdbcUrl() {
        return "jdbc:connecty-athena://Region=" + REGION + ";EndpointOverride=" + endpoint()
                + ";User=" + SERVICE_ACCOUNT_KEY_ID + ";Password=" + SERVICE_ACCOUNT_SECRET
                + ";RoleArn=" + ROLE_ARN + ";OutputLocation=s3://" + RESULTS_BUCKET + "/;WorkGroup=primary";
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    public Faults faults() {
        return faults;
    }

    /** The buckets as folders, for seeding test data directly. */
    public BucketStore buckets() {
        requireStarted();
        return buckets;
    }

    public Path dataDir() {
        return config.dataDir;
    }

    /** The PKCS12 truststore holding the self-signed certificate (password "athena-local"); TLS only. */
    public Path truststorePath() {
        if (tls == null) {
            throw new IllegalStateException("athena-local runs without TLS; build it with .tls(true)");
        }
        return tls.truststore();
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("athena-local is not started; call start() first");
        }
    }

    @Override
    public synchronized void close() {
        if (server == null || closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdownNow();
        backend.close();
        LOG.info("athena-local stopped");
    }

    /** Settings for {@link LocalAthena}; every one has a default. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private Path dataDir = Path.of(".athena-local");
        private boolean tls;
        private String host = "127.0.0.1";
        private Path identities;
        private boolean demoData = true;
        private ServiceBackend.Factory backendFactory;
        private QueryHistory queryHistory = QueryHistory.DEFAULT;

        private Builder() {
        }

        /** The port to listen on (default 4566); 0 picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535 (0 = any free port), got " + port);
            }
            this.port = port;
            return this;
        }

        /** Where buckets, catalogs and TLS material live (default {@code ./.athena-local}). */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /** Serve HTTPS with a self-signed certificate (see {@link #truststorePath()}). */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /**
         * The address to bind (default 127.0.0.1). Anything else exposes well-known credentials to the
         * network; only the control endpoint stays loopback-only.
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** A JSON identities file replacing the bundled users and roles (see README "Identities"). */
        public Builder identities(Path identities) {
            this.identities = identities;
            return this;
        }

        /** Whether to build the demo data set at start (default true). */
        public Builder demoData(boolean demoData) {
            this.demoData = demoData;
            return this;
        }

        /**
         * How many finished query executions (default 10,000) GetQueryExecution and ClientRequestToken idempotency
         * remember, and for how long (default Athena's 45 days); older ones are forgotten, their result files kept.
         */
        public Builder queryHistory(int maxExecutions, java.time.Duration maxAge) {
            this.queryHistory = new QueryHistory(maxExecutions, maxAge);
            return this;
        }

        /** Replaces the warehouse behind Athena and Glue; for tests of the HTTP layer. */
        public Builder backend(ServiceBackend.Factory factory) {
            this.backendFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        public LocalAthena build() {
            if (backendFactory == null) {
                QueryHistory history = queryHistory;
                backendFactory = (dataDir, buckets, faults, accountId, region) ->
                        warehouse(dataDir, buckets, faults, accountId, region, history);
            }
            return new LocalAthena(this);
        }

        private static ServiceBackend warehouse(Path dataDir, BucketStore buckets,
                                                ai.connecty.athena.local.api.QueryFaults faults,
                                                String accountId, String region, QueryHistory history) {
            LocalWarehouse warehouse = new LocalWarehouse(dataDir, buckets, faults, accountId, region,
                    ai.connecty.athena.local.engine.QueryService.DEFAULT_TIME_LIMIT, history);
            return new ServiceBackend() {
                @Override
                public JsonOperationHandler athena() {
                    return warehouse.athena();
                }

                @Override
                public JsonOperationHandler glue() {
                    return warehouse.glue();
                }

                @Override
                public void prepareDemoData() {
                    warehouse.prepareDemoData();
                }

                @Override
                public void close() {
                    warehouse.close();
                }
            };
        }
    }
}
