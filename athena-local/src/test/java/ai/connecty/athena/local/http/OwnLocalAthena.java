package ai.connecty.athena.local.http;

import ai.connecty.athena.local.LocalAthena;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A LocalAthena of one test class's own, without the demo data set, for tests that create databases and tables and
 * must not meet another class's: started in a new temporary directory before the class's {@code @BeforeAll}
 * methods (which may then create what the tests read), and closed after its {@code @AfterAll} methods, its SDK
 * clients first, its directory deleted.
 *
 * <pre>{@code
 * class MyWireTest {
 *     @RegisterExtension
 *     static final OwnLocalAthena athena = new OwnLocalAthena();
 *     private static final SdkClientsExtension clients = athena.clients();
 *
 *     @BeforeAll
 *     static void tables() {
 *         succeed(clients.athena(), "CREATE DATABASE IF NOT EXISTS mine", null);
 *     }
 * }
 * }</pre>
 */
public final class OwnLocalAthena implements BeforeAllCallback, AfterAllCallback {

    private final SdkClientsExtension clients = new SdkClientsExtension(this::local);
    private TestIdentities identities;
    private boolean demoData;
    private Path root;
    private Path dataDir;
    private LocalAthena local;

    /** Signs calls with these users instead of the built-in identities (whose admin the SDK clients use). */
    public OwnLocalAthena withIdentities(TestIdentities users) {
        this.identities = users;
        return this;
    }

    /** Loads the demo data set too (database demo), waiting for it before the class's {@code @BeforeAll}. */
    public OwnLocalAthena withDemoData() {
        this.demoData = true;
        return this;
    }

    /** The running instance; null before the class's {@code @BeforeAll} methods. */
    public LocalAthena local() {
        return local;
    }

    /** The instance's data directory. */
    public Path dataDir() {
        return dataDir;
    }

    /** The class's SDK clients of this instance. */
    public SdkClientsExtension clients() {
        return clients;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        root = Files.createTempDirectory("athena-local-" + context.getRequiredTestClass().getSimpleName());
        dataDir = Files.createDirectory(root.resolve("data"));
        LocalAthena.Builder builder = LocalAthena.builder().port(0).dataDir(dataDir).demoData(demoData);
        if (identities != null) {
            builder.identities(identities.writeTo(root.resolve("identities.json")));
        }
        local = builder.build().start();
        if (demoData) {
            local.awaitReady(Duration.ofMinutes(2));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            clients.afterAll(context);
        } finally {
            try {
                local.close();
            } finally {
                delete(root);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
