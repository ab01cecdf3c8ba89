package ai.connecty.athena.bench;

import ai.connecty.athena.local.LocalAthena;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the first connection of a JVM costs (what a user feels at a tool's "Test Connection" and at a pool's start)
 * against later ones. The cold case needs a fresh JVM each time, so this starts athena-local in-process and runs
 * {@code --jvms} child JVMs ({@link ConnectProbe}) on the driver's class path (the benchmark's without athena-local
 * and DuckDB, whose JDBC driver the first getConnection would load too), one after another; each times its first
 * {@code DriverManager.getConnection}, first {@code SELECT 1} and first {@code getTables}, then warm connections
 * of the same JVM. A second kind of child builds the SDK pieces a connection is made of, one by one, in a fresh
 * JVM (HTTP client, STS, Athena, Glue, S3, the AssumeRole of the connect check), and counts the classes each step
 * loads: where the cold connect goes. Medians over the children; single-machine figures, read the ratios.
 *
 * <pre>java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' ai.connecty.athena.bench.ConnectBenchmark
 *     [--jvms 7] [--warm 20]</pre>
 *
 * <p>{@code -Dbench.childJvmArgs='...'} passes JVM options to the children (class-load logging, JFR).
 */
public final class ConnectBenchmark {
    static final String CHILD = "--child";
    static final String PARTS = "--parts";
    private static final List<String> CHILD_JVM_ARGS = new ArrayList<>();

    private ConnectBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int jvms = intOption(args, "--jvms", 7);
        int warm = intOption(args, "--warm", 20);
        // e.g. -Dbench.childJvmArgs='-Xlog:class+load:file=/tmp/cl-%p.log:uptime' to see what a cold connect loads
        String childJvmArgs = System.getProperty("bench.childJvmArgs", "").trim();
        CHILD_JVM_ARGS.addAll(childJvmArgs.isEmpty() ? List.of() : Arrays.asList(childJvmArgs.split("\\s+")));
        try (LocalAthena athena = LocalAthena.builder().port(0).build().start()) {
            athena.awaitReady(Duration.ofMinutes(2));
            System.out.printf(Locale.ROOT, "athena-local at %s; %d child JVMs of each kind, %d warm connections each (%s)%n",
                    athena.endpoint(), jvms, warm, System.getProperty("java.version"));
            Map<String, List<Double>> figures = new LinkedHashMap<>();
            for (int i = 0; i < jvms; i++) {
                // In turns, so that a slow moment of the machine falls on both kinds alike.
                collect(figures, run(CHILD, athena.jdbcUrl(), Integer.toString(warm)));
                collect(figures, run(PARTS, athena.endpoint().toString(), LocalAthena.REGION,
                        LocalAthena.SERVICE_ACCOUNT_KEY_ID, LocalAthena.SERVICE_ACCOUNT_SECRET, LocalAthena.ROLE_ARN));
            }
            print(figures);
        }
    }

    private static List<String> run(String... args) throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Daws.disableEc2Metadata=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        command.addAll(CHILD_JVM_ARGS);
        command.addAll(List.of("-cp", driverClassPath(), ConnectProbe.class.getName()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("child JVM failed: " + String.join("\n", lines));
        }
        return lines;
    }

    /**
     * The benchmark's class path without athena-local and DuckDB: a tool's class path holds the driver and what it
     * needs, and DriverManager's first getConnection loads every JDBC driver on the class path (DuckDB's costs about
     * 100 ms: JFR events, a native library).
     */
    private static String driverClassPath() {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String name = Paths.get(entry).getFileName().toString();
            if (!name.startsWith("connecty-athena-local") && !name.startsWith("duckdb")) {
                kept.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, kept);
    }

    private static void collect(Map<String, List<Double>> figures, List<String> lines) {
        for (String line : lines) {
            int eq = line.lastIndexOf('=');
            if (eq > 0 && line.substring(eq + 1).matches("-?[0-9]+(\\.[0-9]+)?")) {
                figures.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>())
                        .add(Double.parseDouble(line.substring(eq + 1)));
            }
        }
    }

    private static void print(Map<String, List<Double>> figures) {
        System.out.printf(Locale.ROOT, "%n%-66s %10s %10s %10s%n", "what (ms unless [classes])", "median", "min", "max");
        for (Map.Entry<String, List<Double>> entry : figures.entrySet()) {
            double[] values = entry.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            System.out.printf(Locale.ROOT, "%-66s %10.1f %10.1f %10.1f%n", entry.getKey(), median(values),
                    Arrays.stream(values).min().orElse(0), Arrays.stream(values).max().orElse(0));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static int intOption(String[] args, String name, int defaultValue) {
        for (int i = 0; i < args.length; i++) {
            if (!List.of("--jvms", "--warm").contains(args[i]) || i + 1 == args.length) {
                throw new IllegalArgumentException("usage: ConnectBenchmark [--jvms N] [--warm N]; got '" + args[i] + "'");
            }
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
            i++;
        }
        return defaultValue;
    }
}
