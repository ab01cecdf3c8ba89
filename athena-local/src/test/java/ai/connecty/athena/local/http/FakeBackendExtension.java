package ai.connecty.athena.local.http;

import ai.connecty.athena.local.LocalAthena;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private LocalAthena with the {@link FakeBackend} for one test class: started before the class's own
 * {@code @BeforeAll} methods and injected into its static {@link LocalAthena} fields, faults cleared after each
 * test, closed (and its data directory deleted) after the class.
 */
public final class FakeBackendExtension implements BeforeAllCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FakeBackendExtension.class);

    /** The instance and its data directory, released when the class's extension context closes. */
    private record Running(LocalAthena athena, Path dataDir) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws IOException {
            athena.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, IllegalAccessException {
        Path dataDir = Files.createTempDirectory("athena-local-fake-");
        Running running = new Running(FakeBackend.start(dataDir), dataDir);
        context.getStore(NAMESPACE).put(Running.class, running);
        for (Field field : context.getRequiredTestClass().getDeclaredFields()) {
            if (field.getType() == LocalAthena.class && Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                field.set(null, running.athena());
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).get(Running.class, Running.class);
        if (running != null) {
            running.athena().faults().clear();
        }
    }
}
