package ai.connecty.athena.jdbc.doctor;

import ai.connecty.athena.jdbc.config.ConnectionConfig;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * {@code java -jar connecty-athena-jdbc-<version>-all.jar doctor [--run-query [--query-wait SECS]] [--user ID]
 * [--password-env VAR] "<jdbc url>"}: prints one line per check and exits 0 when the connection will work, 1 when a check failed,
 * 2 when nothing failed but the query path was not tried (no {@code --run-query}), 64 for bad arguments (0 for
 * {@code --help}). The URL
 * is never echoed (it may hold the secret); the secret is best passed through an environment variable.
 */
public final class DoctorCommand {
    public static final int WORKS = 0;
    public static final int FAILED = 1;
    public static final int NOT_CONFIRMED = 2;
    public static final int USAGE = 64;

    public static final String USAGE_TEXT_FOR_MAIN = "usage: java -jar connecty-athena-jdbc-<version>-all.jar doctor ...";
    static final String USAGE_TEXT = "usage: doctor [--run-query [--query-wait SECS]] [--user ACCESS_KEY_ID] "
            + "[--password-env VARIABLE] \"jdbc:connecty-athena://Region=...;OutputLocation=s3://...;...\"\n"
            + "  Checks the connection's prerequisites one by one (keys, role, region, workgroup, output location,\n"
            + "  catalogs, Glue, each permission of the connection guide's policy) and prints the fix for each failure.\n"
            + "  --run-query         also run SELECT 1 to prove that results can be written (Athena bills a minimum of 10 MB)\n"
            + "  --query-wait SECS   how long --run-query waits for SELECT 1 before stopping it (1 to 3600, default 120)\n"
            + "  --user ID           the access key id, when it is not in the URL\n"
            + "  --password-env VAR  read the secret access key from environment variable VAR (keeps it out of the\n"
            + "                      command line and the shell history)\n"
            + "  exit status: 0 the connection will work, 1 a check failed, 2 no failure found but no query was run";

    private static final int MAX_QUERY_WAIT_SECONDS = 3600;
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private DoctorCommand() {
    }

    /** Runs the doctor; {@code env} looks up environment variables (injectable for tests). */
    public static int run(List<String> args, PrintStream out, UnaryOperator<String> env) {
        boolean runQuery = false;
        Duration queryWait = ConnectionDoctor.DEFAULT_QUERY_WAIT;
        String url = null;
        Properties properties = new Properties();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ("--run-query".equals(arg)) {
                runQuery = true;
            } else if ("--query-wait".equals(arg)) {
                String value = i + 1 < args.size() ? args.get(i + 1) : "";
                queryWait = seconds(value);
                if (queryWait == null) {
                    // Echoed only when it is a short plain token: a forgotten value makes the URL the value.
                    out.println("--query-wait needs a whole number of seconds from 1 to " + MAX_QUERY_WAIT_SECONDS
                            + (value.matches("[0-9A-Za-z.+-]{1,12}") ? ", not '" + value + "'." : "."));
                    out.println(USAGE_TEXT);
                    return USAGE;
                }
                i++;
            } else if ("--user".equals(arg) || "--password-env".equals(arg)) {
                // The value is never echoed unless it is a variable name: a forgotten value makes the URL (which
                // may hold the secret) the value.
                String value = i + 1 < args.size() ? args.get(i + 1) : null;
                boolean variable = value != null && VARIABLE_NAME.matcher(value).matches();
                if (value == null || value.startsWith("--") || value.startsWith("jdbc:")
                        || ("--password-env".equals(arg) && !variable)) {
                    out.println(arg + ("--user".equals(arg) ? " needs a value (the access key id)."
                            : " needs the name of an environment variable (letters, digits and '_')."));
                    out.println(USAGE_TEXT);
                    return USAGE;
                }
                i++;
                if ("--user".equals(arg)) {
                    properties.setProperty("user", value);
                } else {
                    String secret = env.apply(value);
                    if (secret == null || secret.isEmpty()) {
                        out.println("Environment variable " + value + " (--password-env) is not set.");
                        return USAGE;
                    }
                    properties.setProperty("password", secret);
                }
            } else if ("--help".equals(arg) || "-h".equals(arg)) {
                out.println(USAGE_TEXT);
                return WORKS; // asked for: a script running the doctor --help has not failed
            } else if (arg.startsWith("--") || url != null) {
                // An option's value (--password=...) is not echoed.
                out.println("Unexpected argument '" + (arg.startsWith("--") ? arg.split("=", 2)[0] : "(a second URL)")
                        + "'.");
                out.println(USAGE_TEXT);
                return USAGE;
            } else {
                url = arg;
            }
        }
        if (url == null) {
            out.println(USAGE_TEXT);
            return USAGE;
        }
        List<CheckResult> results = new ArrayList<>();
        try {
            ConnectionConfig config = ConnectionConfig.parse(url, properties);
            results.add(CheckResult.pass("configuration", "the URL and properties are valid"));
            results.addAll(ConnectionDoctor.examine(config, runQuery, queryWait));
        } catch (SQLException e) {
            results.add(CheckResult.fail("configuration", e.getMessage() + " [SQLState " + e.getSQLState() + "]",
                    "correct the property the message names"));
        }
        results.forEach(result -> out.println(result.line()));
        long failures = results.stream().filter(r -> r.outcome() == Outcome.FAIL).count();
        if (failures > 0) {
            out.println("Result: " + failures + (failures == 1 ? " check" : " checks")
                    + " failed: the connection will not work until fixed.");
            return FAILED;
        }
        if (!runQuery) {
            out.println("Result: no problem found; rerun with --run-query to prove that query results can be written.");
            return NOT_CONFIRMED;
        }
        out.println("Result: the connection will work.");
        return WORKS;
    }

    /** 1 to {@link #MAX_QUERY_WAIT_SECONDS} whole seconds, or null. */
    private static Duration seconds(String text) {
        if (!text.matches("[0-9]{1,4}")) {
            return null;
        }
        int seconds = Integer.parseInt(text);
        return seconds >= 1 && seconds <= MAX_QUERY_WAIT_SECONDS ? Duration.ofSeconds(seconds) : null;
    }
}
