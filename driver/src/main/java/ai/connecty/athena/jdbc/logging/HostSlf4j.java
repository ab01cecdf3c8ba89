package ai.connecty.athena.jdbc.logging;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.event.Level;

/**
 * The host application's SLF4J, reached by method handles. Its class names are assembled at run time on purpose:
 * the shade plugin rewrites every {@code org.slf4j} name it finds in the bytecode, literals included, and these
 * must keep naming the host's unrelocated classes.
 */
final class HostSlf4j {
    private static final String PACKAGE = String.join(".", "org", "slf4j");

    private final MethodHandle getLogger;
    private final Map<Level, MethodHandle> enabled;
    private final Map<Level, MethodHandle> log;

    private HostSlf4j(MethodHandle getLogger, Map<Level, MethodHandle> enabled, Map<Level, MethodHandle> log) {
        this.getLogger = getLogger;
        this.enabled = enabled;
        this.log = log;
    }

    /** Empty when the host has no SLF4J (or one this bridge cannot call). */
    static Optional<HostSlf4j> find(ClassLoader loader) {
        try {
            Class<?> factory = Class.forName(PACKAGE + ".LoggerFactory", true, loader);
            Class<?> logger = Class.forName(PACKAGE + ".Logger", false, loader);
            if (factory.getName().equals(Level.class.getPackageName().replace(".event", "") + ".LoggerFactory")) {
                return Optional.empty(); // not relocated (plain jar): the bridge would call itself
            }
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle getLogger = lookup.findStatic(factory, "getLogger", MethodType.methodType(logger, String.class));
            Map<Level, MethodHandle> enabled = new EnumMap<>(Level.class);
            Map<Level, MethodHandle> log = new EnumMap<>(Level.class);
            for (Level level : Level.values()) {
                String method = level.name().toLowerCase(java.util.Locale.ROOT);
                String check = "is" + Character.toUpperCase(method.charAt(0)) + method.substring(1) + "Enabled";
                enabled.put(level, lookup.findVirtual(logger, check, MethodType.methodType(boolean.class)));
                log.put(level, lookup.findVirtual(logger, method,
                        MethodType.methodType(void.class, String.class, Throwable.class)));
            }
            return Optional.of(new HostSlf4j(getLogger, enabled, log));
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The host's logger of that name, or null when the host's SLF4J fails to give one. */
    Object logger(String name) {
        try {
            return getLogger.invoke(name);
        } catch (Throwable e) {
            return null;
        }
    }

    boolean isEnabled(Object logger, Level level) {
        try {
            return logger != null && (boolean) enabled.get(level).invoke(logger);
        } catch (Throwable e) {
            return false;
        }
    }

    /** Logging must never break a query, so a failing host logger is ignored. */
    void log(Object logger, Level level, String message, Throwable error) {
        try {
            log.get(level).invoke(logger, message, error);
        } catch (Throwable e) {
            // ignored on purpose
        }
    }
}
