package ai.connecty.athena.examples;

import ai.connecty.athena.local.LocalAthena;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs one example against an athena-local started in this JVM, so every example is one command:
 * {@code java -cp 'examples/target/classes:examples/target/lib/*' ai.connecty.athena.examples.RunExample hikari}.
 * Names: plain, datasource, prepared, hikari, spring, metadata, nested.
 */
public final class RunExample {

    /** One runnable example: what it needs is the JDBC URL (or the endpoint) of athena-local. */
    @FunctionalInterface
    interface Example {
        void run(LocalAthena athena, PrintStream out) throws Exception;
    }

    static final Map<String, Example> EXAMPLES = examples();

    private RunExample() {
    }

    public static void main(String[] args) throws Exception {
        Example example = args.length == 1 ? EXAMPLES.get(args[0]) : null;
        if (example == null) {
            System.err.println("usage: RunExample <" + String.join("|", EXAMPLES.keySet()) + ">");
            System.exit(64);
        }
        try (LocalAthena athena = EmbeddedAthena.start(Path.of(".athena-local"), Optional.of(0), System.out)) {
            example.run(athena, System.out);
        }
    }

    private static Map<String, Example> examples() {
        Map<String, Example> examples = new TreeMap<>();
        examples.put("plain", (athena, out) -> PlainJdbcExample.run(url(athena), out));
        examples.put("datasource", (athena, out) -> DataSourceExample.run(athena.endpoint().toString(), out));
        examples.put("prepared", (athena, out) -> PreparedStatementExample.run(url(athena), out));
        examples.put("hikari", (athena, out) -> HikariExample.run(url(athena), out));
        examples.put("spring", (athena, out) -> SpringJdbcExample.run(url(athena), out));
        examples.put("metadata", (athena, out) -> MetadataExample.run(url(athena), out));
        examples.put("nested", (athena, out) -> NestedTypesExample.run(url(athena), out));
        return examples;
    }

    /** The guide's form for this athena-local, without keys (the examples pass them as user and password). */
    static String url(LocalAthena athena) {
        return LocalSetup.URL.replace("http://127.0.0.1:4566", athena.endpoint().toString());
    }
}
