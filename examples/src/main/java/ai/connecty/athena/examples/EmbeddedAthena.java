package ai.connecty.athena.examples;

import ai.connecty.athena.local.LocalAthena;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Starts athena-local inside the demo's JVM, on the port its documentation uses when that port is free. */
final class EmbeddedAthena {

    /** Building the demo data set on the first start takes a while on a slow laptop. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private EmbeddedAthena() {
    }

    static LocalAthena start(Path dataDir, Optional<Integer> port, PrintStream out) {
        out.println("Starting athena-local (data in " + dataDir + "; the first start builds the demo data set)...");
        LocalAthena athena = port.map(p -> startOn(dataDir, p)).orElseGet(() -> startOnDefaultPort(dataDir));
        try {
            athena.awaitReady(READY_TIMEOUT);
        } catch (RuntimeException e) {
            athena.close();
            throw e;
        }
        out.println("athena-local is ready at " + athena.endpoint());
        return athena;
    }

    private static LocalAthena startOnDefaultPort(Path dataDir) {
        try {
            return startOn(dataDir, LocalAthena.DEFAULT_PORT);
        } catch (UncheckedIOException portTaken) {
            return startOn(dataDir, 0);
        }
    }

    private static LocalAthena startOn(Path dataDir, int port) {
        return LocalAthena.builder().dataDir(dataDir).port(port).build().start();
    }
}
