package ai.connecty.athena.examples;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The demo's command line.
 *
 * @param url     a JDBC URL of any Athena; empty means "start athena-local embedded"
 * @param shell   run the interactive SQL prompt instead of the scripted tour
 * @param dataDir athena-local's data directory (ignored with {@code --url})
 * @param port    athena-local's port; empty means 4566 when free, else any free port
 * @param help    print the usage and exit
 */
record DemoOptions(Optional<String> url, boolean shell, Path dataDir, Optional<Integer> port, boolean help) {

    static final String USAGE = """
            Usage: demo.sh [--shell] [--url JDBC_URL] [--data DIR] [--port N] [--help]

            Runs Connecty's Athena connection flow through the Connecty Athena JDBC driver: by default against
            athena-local started in this process, then a few queries and a tour of the catalog metadata.

              --shell         interactive SQL prompt instead of the tour (statements end with ';', \\q quits;
                              reads piped input too)
              --url URL       use this JDBC URL (any Athena) instead of starting athena-local; credentials come
                              from the URL or the AWS SDK's default chain
              --data DIR      athena-local data directory (default ./.athena-local)
              --port N        athena-local port (default 4566 when free, otherwise any free port)
              --help          show this help
            """;

    static DemoOptions parse(String... args) {
        Optional<String> url = Optional.empty();
        boolean shell = false;
        Path dataDir = Path.of(".athena-local");
        Optional<Integer> port = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return new DemoOptions(url, shell, dataDir, port, true);
                }
                case "--shell" -> shell = true;
                case "--url" -> url = Optional.of(value(args, ++i, arg));
                case "--data" -> dataDir = Path.of(value(args, ++i, arg));
                case "--port" -> port = Optional.of(parsePort(value(args, ++i, arg)));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'; see --help");
            }
        }
        return new DemoOptions(url, shell, dataDir, port, false);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535 (0 = any free port), got '" + text + "'");
    }
}
