package ai.connecty.athena.local.http;

import ai.connecty.athena.local.LocalAthena;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private Path dataDir;
    private LocalAthena local;

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
        dataDir = Files.createTempDirectory("athena-local-" + context.getRequiredTestClass().getSimpleName());
        local = LocalAthena.builder().port(0).dataDir(dataDir).demoData(false).build().start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            clients.afterAll(context);
        } finally {
            try {
                local.close();
            } finally {
                delete(dataDir);
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
