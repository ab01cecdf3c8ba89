package ai.connecty.athena.examples;

import ai.connecty.athena.local.LocalAthena;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;

/**
 * The demo the README runs: athena-local in this process, Connecty's connection form filled in as its guide
 * says (service-account keys, role ARN, region, output location, workgroup), and everything else through the
 * driver via {@link DriverManager}, as any JDBC tool would do it.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** The whole demo; returns the process exit code (0 success, 1 failure) instead of exiting. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("demo: " + e.getMessage());
            err.print(DemoOptions.USAGE);
            return 1;
        }
        if (options.help()) {
            out.print(DemoOptions.USAGE);
            return 0;
        }
        LocalAthena athena = null;
        try {
            Connection connection;
            if (options.url().isPresent()) {
                out.println("Connecting to " + withoutSecrets(options.url().get()));
                connection = DriverManager.getConnection(options.url().get());
            } else {
                athena = EmbeddedAthena.start(options.dataDir(), options.port(), out);
                ConnectionForm form = ConnectionForm.forLocalAthena(athena.endpoint());
                out.println("Connecting through the driver as service account " + form.accessKeyId()
                        + ", assuming role " + form.roleArn() + ":");
                out.println("  " + form.jdbcUrl());
                connection = form.connect();
            }
            try (connection) {
                printWarnings(connection.getWarnings(), out);
                if (options.shell()) {
                    return runShell(connection, in, out);
                }
                new DemoTour(connection, out).run();
                out.println();
                out.println("Demo finished. Run it with --shell for your own queries.");
                return 0;
            }
        } catch (SQLException e) {
            err.println("demo failed: " + describe(e));
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("demo failed: " + e);
            return 1;
        } finally {
            if (athena != null) {
                athena.close();
            }
        }
    }

    private static int runShell(Connection connection, InputStream in, PrintStream out) throws IOException {
        boolean interactive = in == System.in && System.console() != null;
        if (interactive) {
            out.println("SQL statements end with ';'. \\q quits. Try: SELECT * FROM demo.customers LIMIT 5;");
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int failures = new SqlShell(connection, reader, out, interactive).run();
        return failures == 0 ? 0 : 1;
    }

    private static void printWarnings(SQLWarning warning, PrintStream out) {
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            out.println("warning: " + w.getMessage());
        }
    }

    /** The URL as it may be printed: the values of Password, SecretAccessKey, SessionToken (any case) masked. */
    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password|secretaccesskey|sessiontoken)=(\\{[^}]*}|[^;]*)", "$1=****");
    }

    private static String describe(SQLException e) {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(e.getSQLState()).append("] ").append(e.getMessage());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            sb.append(System.lineSeparator()).append("  caused by: ").append(cause);
        }
        return sb.toString();
    }
}
