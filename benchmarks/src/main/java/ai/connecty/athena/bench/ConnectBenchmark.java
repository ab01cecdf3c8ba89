package ai.connecty.athena.bench;

import ai.connecty.athena.local.LocalAthena;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * What the first connection of a JVM costs (what a user feels at a tool's "Test Connection" and at a pool's start)
 * against later ones. The cold case needs a fresh JVM each time, so this starts athena-local in-process and runs
 * {@code --jvms} child JVMs on the same class path, one after another; each times its first
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
    private static final String CHILD = "--child";
    private static final String PARTS = "--parts";
    private static final List<String> CHILD_JVM_ARGS = new ArrayList<>();

    private ConnectBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // The class count comes from JMX, whose first use loads ~300 classes (JMX, JFR metadata) in ~100 ms: done
        // here, before any timing, so that no timed step pays for the benchmark's own instrument.
        loaded();
        if (args.length > 0 && args[0].equals(CHILD)) {
            child(args[1], Integer.parseInt(args[2]));
            return;
        }
        if (args.length > 0 && args[0].equals(PARTS)) {
            parts(args[1]);
            return;
        }
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
                collect(figures, run(PARTS, athena.endpoint().toString()));
            }
            print(figures);
        }
    }

    /** One fresh JVM: the driver as a tool uses it. Prints "name=value" lines, milliseconds or counts. */
    private static void child(String url, int warm) throws Exception {
        long t0 = System.nanoTime();
        Class.forName("ai.connecty.athena.jdbc.AthenaDriver");
        long t1 = System.nanoTime();
        report("driver class loaded", t0, t1);
        int classesBefore = loaded();
        Connection first = DriverManager.getConnection(url);
        long t2 = System.nanoTime();
        report("first getConnection", t1, t2);
        print("classes loaded by the first getConnection", loaded() - classesBefore);
        try (Statement statement = first.createStatement(); ResultSet rows = statement.executeQuery("SELECT 1")) {
            rows.next();
        }
        long t3 = System.nanoTime();
        report("first SELECT 1", t2, t3);
        try (ResultSet rows = first.getMetaData().getTables("AwsDataCatalog", "demo", "%", null)) {
            while (rows.next()) {
                rows.getString(3);
            }
        }
        long t4 = System.nanoTime();
        report("first getTables", t3, t4);
        first.close();
        long t5 = System.nanoTime();
        report("first close", t4, t5);
        print("first connection: connect + SELECT 1 + getTables + close", (t5 - t1) / 1e6);
        double[] connects = new double[warm];
        double[] unchecked = new double[warm];
        double[] selects = new double[warm];
        for (int i = 0; i < warm; i++) {
            long a = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url)) {
                long b = System.nanoTime();
                connects[i] = (b - a) / 1e6;
                try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery("SELECT 1")) {
                    rows.next();
                }
                selects[i] = (System.nanoTime() - b) / 1e6;
            }
            long c0 = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url + ";ValidateCredentials=false")) {
                unchecked[i] = (System.nanoTime() - c0) / 1e6;
            }
        }
        print("warm getConnection", median(connects));
        print("warm getConnection, ValidateCredentials=false", median(unchecked));
        print("warm SELECT 1", median(selects));
    }

    /**
     * One fresh JVM: the pieces of a connection's clients built one by one, as {@code AwsClients} builds them, each
     * timed with the classes it loads. Each step's figure is what it adds after the steps above it.
     */
    private static void parts(String endpoint) {
        java.net.URI uri = java.net.URI.create(endpoint);
        Region region = Region.of(LocalAthena.REGION);
        StaticCredentialsProvider keys = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                LocalAthena.SERVICE_ACCOUNT_KEY_ID, LocalAthena.SERVICE_ACCOUNT_SECRET));
        Step step = new Step();
        SdkHttpClient http = Apache5HttpClient.builder().build();
        step.done("parts: Apache 5 HTTP client");
        StsClient sts = StsClient.builder().httpClient(http).region(region).endpointOverride(uri).credentialsProvider(keys).build();
        step.done("parts: STS client (the first SDK client)");
        AthenaClient athena = AthenaClient.builder().httpClient(http).region(region).endpointOverride(uri).credentialsProvider(keys).build();
        step.done("parts: Athena client");
        GlueClient glue = GlueClient.builder().httpClient(http).region(region).endpointOverride(uri).credentialsProvider(keys).build();
        step.done("parts: Glue client");
        S3Client s3 = S3Client.builder().httpClient(http).region(region).endpointOverride(uri).forcePathStyle(true)
                .credentialsProvider(keys).build();
        step.done("parts: S3 client");
        sts.assumeRole(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("connect-benchmark"));
        step.done("parts: first AssumeRole (the connect check's call)");
        sts.assumeRole(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("connect-benchmark"));
        step.done("parts: second AssumeRole");
        s3.close();
        glue.close();
        athena.close();
        sts.close();
        http.close();
    }

    private static final class Step {
        private long start = System.nanoTime();
        private int classes = loaded();

        void done(String what) {
            long now = System.nanoTime();
            int loadedNow = loaded();
            print(what + " [ms]", (now - start) / 1e6);
            print(what + " [classes]", loadedNow - classes);
            start = System.nanoTime();
            classes = loaded();
        }
    }

    private static int loaded() {
        return ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    }

    private static void report(String what, long from, long to) {
        print(what, (to - from) / 1e6);
    }

    private static void print(String what, double value) {
        System.out.printf(Locale.ROOT, "%s=%.3f%n", what, value);
    }

    private static List<String> run(String... args) throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Daws.disableEc2Metadata=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        command.addAll(CHILD_JVM_ARGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ConnectBenchmark.class.getName()));
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
