package ai.connecty.athena.local.junit;

import ai.connecty.athena.local.LocalAthena;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * Gives tests a running athena-local: one instance per test JVM, started on a free port the first time a
 * test needs it, ready (demo data built) before the test runs, and closed when JUnit finishes. It is
 * injected into {@link LocalAthena} parameters and into static or instance fields of that type; fault
 * plans are cleared after each test so that one test's faults cannot leak into the next.
 *
 * <pre>{@code
 * @ExtendWith(LocalAthenaExtension.class)
 * class MyTest {
 *     @Test void works(LocalAthena athena) { ... athena.jdbcUrl() ... }
 * }
 * }</pre>
 *
 * The data directory is {@code target/athena-local-test} when a {@code target} folder exists (so the demo
 * data is built once per checkout), else a temporary folder.
 */
public final class LocalAthenaExtension implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver,
        AfterEachCallback {

    /** How long to wait for the demo data on first start; building it may take a while on a slow machine. */
    public static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalAthenaExtension.class);

    /** Closes the shared instance when the root context closes (end of the test run). */
    private record Shared(LocalAthena athena) implements AutoCloseable {
        @Override
        public void close() {
            athena.close();
        }
    }

    /** The shared instance, started on first use. */
    public static LocalAthena shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Shared.class, key -> start(), Shared.class).athena();
    }

    private static Shared start() {
        LocalAthena athena = LocalAthena.builder().port(0).dataDir(dataDir()).build().start();
        try {
            athena.awaitReady(READY_TIMEOUT);
        } catch (RuntimeException e) {
            athena.close();
            throw e;
        }
        return new Shared(athena);
    }

    private static Path dataDir() {
        try {
            Path target = Path.of("target");
            return Files.isDirectory(target) ? Files.createDirectories(target.resolve("athena-local-test"))
                    : Files.createTempDirectory("athena-local-test");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a data directory for athena-local", e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        injectFields(context.getRequiredTestClass(), null, context);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        injectFields(testInstance.getClass(), testInstance, context);
    }

    /** Static fields when {@code instance} is null, instance fields otherwise. */
    private static void injectFields(Class<?> type, Object instance, ExtensionContext context)
            throws IllegalAccessException {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                boolean isStatic = Modifier.isStatic(field.getModifiers());
                if (field.getType() == LocalAthena.class && isStatic == (instance == null)
                        && !Modifier.isFinal(field.getModifiers())) {
                    field.setAccessible(true);
                    field.set(instance, shared(context));
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == LocalAthena.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return shared(extensionContext);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Shared shared = context.getRoot().getStore(NAMESPACE).get(Shared.class, Shared.class);
        if (shared != null) {
            shared.athena().faults().clear();
        }
    }
}
