package ai.connecty.athena.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar connecty-athena-local.jar [--port 4566] [--data DIR] [--tls] [--host H] [--identities FILE] [--no-demo-data]}. */
public final class Main {

    private static final String USAGE = """
            Usage: java -jar connecty-athena-local.jar [options]

            Athena, Glue, STS and S3 on one local port, executing SQL with DuckDB.

              --port N            port to listen on (default 4566; 0 = any free port)
              --data DIR          data directory: buckets, catalogs, TLS material (default ./.athena-local)
              --tls               serve HTTPS with a self-signed certificate; the truststore is written to
                                  DIR/tls/truststore.p12 (password athena-local)
              --host H            address to bind (default 127.0.0.1). DANGEROUS: any other address exposes
                                  the well-known credentials of athena-local to the network
              --identities FILE   JSON file replacing the built-in users and roles
              --no-demo-data      do not build the demo data set
              --help              show this help
            """;

    private Main() {
    }

    /** slf4j-simple's key for one logger's level; read when the first logger is created. */
    private static final String LOCAL_ATHENA_LOG_LEVEL = "org.slf4j.simpleLogger.log." + LocalAthena.class.getName();

    public static void main(String[] args) throws InterruptedException {
        quietStartupLog();
        LocalAthena.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("athena-local: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (builder == null) {
            System.out.print(USAGE);
            return;
        }
        LocalAthena athena = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            athena.close();
            stopped.countDown();
        }, "athena-local-shutdown"));
        PrintStream out = System.out;
        out.println("athena-local listening on " + athena.endpoint());
        out.println("JDBC URL: " + athena.jdbcUrl());
        out.flush();
        stopped.await();
    }

    /**
     * The command prints the contract's two lines itself; LocalAthena's INFO lines (written for embedders) would
     * repeat the first on stderr. Warnings and errors still show, and a {@code -D} setting of the user wins.
     * Must run before anything creates a logger.
     */
    private static void quietStartupLog() {
        if (System.getProperty(LOCAL_ATHENA_LOG_LEVEL) == null) {
            System.setProperty(LOCAL_ATHENA_LOG_LEVEL, "warn");
        }
    }

    /** The builder for {@code args}, or null when help was asked for. */
    static LocalAthena.Builder parse(String[] args) {
        LocalAthena.Builder builder = LocalAthena.builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--port" -> builder.port(parsePort(value(args, ++i, arg)));
                case "--data" -> builder.dataDir(Path.of(value(args, ++i, arg)));
                case "--tls" -> builder.tls(true);
                case "--host" -> builder.host(value(args, ++i, arg));
                case "--identities" -> builder.identities(Path.of(value(args, ++i, arg)));
                case "--no-demo-data" -> builder.demoData(false);
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return builder;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number 0..65535, got '" + value + "'");
        }
    }
}
