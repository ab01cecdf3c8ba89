package ai.connecty.athena.bench;

import ai.connecty.athena.jdbc.execution.PollingTable;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How fast the driver reads results from S3 compared with GetQueryResults paging and with the transport limit,
 * on athena-local, once with {@code --latency} ms added to every Athena API call and every S3 GET (a cloud
 * round trip) and once with none. Sections:
 * <ol>
 *   <li>full iteration of a 1,000,000-row, 10-column result through typed getters: ResultFetcher=S3 vs
 *       GetQueryResults vs the transport limit (the same file downloaded by the SDK alone and discarded); the S3
 *       source also with next() alone and with getObject on every value;</li>
 *   <li>time to first row for 10 and for 1,000,000 rows;</li>
 *   <li>the polling table (computed, no sleeping);</li>
 *   <li>peak heap of a separate {@code -Xmx128m} JVM iterating 10,000,000 rows.</li>
 * </ol>
 * Result reuse is on, so every run after the untimed warm-up reads the same result file and times the driver,
 * not DuckDB. Timed runs alternate between variants (a noisy moment of a shared machine hurts them alike);
 * medians are printed. Numbers from an emulator on a shared machine: read the ratios.
 *
 * <pre>java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' ai.connecty.athena.bench.ResultFetchBenchmark
 *     [--runs 5] [--warmup 5] [--api-runs 1] [--rows 1000000] [--heap-rows 10000000] [--latency 40] [--data DIR]</pre>
 * {@code --api-runs 0} leaves GetQueryResults out, for quick runs of the S3 source alone.
 */
public final class ResultFetchBenchmark {
    private static final List<String> OPTIONS = List.of("--runs", "--warmup", "--api-runs", "--rows", "--heap-rows", "--latency", "--data");

    private ResultFetchBenchmark() {
    }

    private static String wide(long rows) {
        // 10 columns: bigint, bigint, varchar, double, bigint, varchar, bigint, double, date, varchar.
        return "SELECT n, square, parity, ratio, n + 1 AS next, CAST(n AS varchar) AS text, n % 100 AS bucket, "
                + "ratio * 2 AS twice, DATE '2024-01-01' AS day, parity || '-' || CAST(n % 7 AS varchar) AS tag "
                + "FROM demo.numbers" + (rows < 1_000_000 ? " WHERE n < " + rows : "");
    }

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || i + 1 == args.length) {
                throw new IllegalArgumentException("usage: ResultFetchBenchmark " + OPTIONS.stream()
                        .map(o -> "[" + o + " N]").reduce((a, b) -> a + " " + b).orElse("") + "; got '" + args[i] + "'");
            }
        }
        int runs = Math.max(1, (int) option(args, "--runs", 5));
        int warmup = Math.max(1, (int) option(args, "--warmup", 5));
        int apiRuns = Math.max(0, (int) option(args, "--api-runs", 1)); // 0: skip GetQueryResults (for quick S3 runs)
        long rows = Math.min(1_000_000, Math.max(10, option(args, "--rows", 1_000_000)));
        long heapRows = option(args, "--heap-rows", 10_000_000);
        long latency = option(args, "--latency", 40);
        Path dataDir = Path.of(stringOption(args, "--data", ".athena-local"));
        try (LocalAthena athena = LocalAthena.builder().port(0).dataDir(dataDir).build().start()) {
            athena.awaitReady(Duration.ofMinutes(5));
            String base = athena.jdbcUrl() + ";EnableResultReuseByAge=true";
            System.out.printf(Locale.ROOT, "athena-local at %s; %d warm-up read(s), %d timed run(s) (GetQueryResults: %d) of %d"
                    + " rows x 10 columns%n", athena.endpoint(), warmup, runs, apiRuns, rows);
            try (JdbcResultReader s3 = new JdbcResultReader(base + ";ResultFetcher=S3");
                 JdbcResultReader api = new JdbcResultReader(base + ";ResultFetcher=GetQueryResults");
                 JdbcResultReader auto = new JdbcResultReader(base);
                 TransportLimit transport = new TransportLimit(athena)) {
                String sql = wide(rows);
                String tenRows = "SELECT * FROM (" + wide(1_000_000) + ") WHERE n < 10";
                // Warm-up: runs the queries once (result reuse serves the later runs), then reads the result until
                // the JIT has compiled the reading path, so that the timed runs measure the steady state.
                String id = s3.read(sql, Long.MAX_VALUE).queryExecutionId();
                for (int i = 1; i < warmup; i++) {
                    s3.read(sql, Long.MAX_VALUE);
                    s3.read(sql, Long.MAX_VALUE, JdbcResultReader.Values.OBJECT);
                }
                api.read(tenRows, Long.MAX_VALUE);
                Path file = resultFile(athena, id);
                long size = Files.size(file);
                String key = athena.buckets().root().resolve(LocalAthena.RESULTS_BUCKET).relativize(file).toString()
                        .replace(File.separatorChar, '/');
                transport.download(LocalAthena.RESULTS_BUCKET, key, size); // its warm-up too
                for (long added : latency > 0 ? new long[] {latency, 0} : new long[] {0}) {
                    setLatency(athena, added);
                    System.out.printf(Locale.ROOT, "%n== %d ms added to every Athena call and S3 GET; result file %.1f MB ==%n",
                            added, size / 1e6);
                    double[] s3Total = new double[runs];
                    double[] s3AfterExecute = new double[runs];
                    double[] limit = new double[runs];
                    double[] readingCpu = new double[runs];
                    double[] processCpu = new double[runs];
                    double[] nextOnly = new double[runs];
                    double[] objects = new double[runs];
                    for (int run = 0; run < runs; run++) {
                        JdbcResultReader.Timing t = s3.read(sql, Long.MAX_VALUE);
                        check(t, rows, "S3");
                        s3Total[run] = t.totalSeconds();
                        s3AfterExecute[run] = t.totalSeconds() - t.executeSeconds();
                        readingCpu[run] = t.readingThreadCpuSeconds();
                        processCpu[run] = t.processCpuSeconds();
                        limit[run] = transport.download(LocalAthena.RESULTS_BUCKET, key, size);
                        JdbcResultReader.Timing bare = s3.read(sql, Long.MAX_VALUE, JdbcResultReader.Values.NONE);
                        check(bare, rows, "S3");
                        nextOnly[run] = bare.totalSeconds() - bare.executeSeconds();
                        JdbcResultReader.Timing object = s3.read(sql, Long.MAX_VALUE, JdbcResultReader.Values.OBJECT);
                        check(object, rows, "S3");
                        objects[run] = object.totalSeconds() - object.executeSeconds();
                    }
                    double[] apiTotal = new double[apiRuns];
                    double[] apiAfterExecute = new double[apiRuns];
                    for (int run = 0; run < apiRuns; run++) {
                        JdbcResultReader.Timing t = api.read(sql, Long.MAX_VALUE);
                        check(t, rows, "GetQueryResults");
                        apiTotal[run] = t.totalSeconds();
                        apiAfterExecute[run] = t.totalSeconds() - t.executeSeconds();
                    }
                    double[] firstTen = new double[runs];
                    double[] firstOfMany = new double[runs];
                    for (int run = 0; run < runs; run++) {
                        firstTen[run] = auto.read(tenRows, Long.MAX_VALUE).firstRowSeconds();
                        firstOfMany[run] = auto.read(sql, 1).firstRowSeconds();
                    }
                    double apiEnd = median(apiTotal);
                    double apiRead = median(apiAfterExecute);
                    double s3End = median(s3Total);
                    double s3Read = median(s3AfterExecute);
                    double limitRead = median(limit);
                    System.out.printf(Locale.ROOT, "%-58s %10s %12s %22s%n", "full iteration, typed getters", "median s",
                            "rows/s", "ratio");
                    if (apiRuns > 0) {
                        row("GetQueryResults, end to end", apiEnd, rows, "baseline");
                    }
                    row("S3 row source, end to end", s3End, rows,
                            apiRuns > 0 ? String.format(Locale.ROOT, "%.1fx faster", apiEnd / s3End) : "");
                    if (apiRuns > 0) {
                        row("GetQueryResults, after executeQuery returned", apiRead, rows, "baseline");
                    }
                    row("S3 row source, after executeQuery returned", s3Read, rows,
                            apiRuns > 0 ? String.format(Locale.ROOT, "%.1fx faster", apiRead / s3Read) : "");
                    row("transport limit (same file downloaded, discarded)", limitRead, rows,
                            String.format(Locale.ROOT, "S3 source takes %.2fx", s3Read / limitRead));
                    double nextRead = median(nextOnly);
                    double objectRead = median(objects);
                    row("S3 row source, next() only (no getters)", nextRead, rows,
                            String.format(Locale.ROOT, "%.2fx the limit", nextRead / limitRead));
                    row("S3 row source, getObject on every value", objectRead, rows,
                            String.format(Locale.ROOT, "%.2fx the limit", objectRead / limitRead));
                    System.out.printf(Locale.ROOT, "%-58s %10.3f  (reading thread %.3f s)%n",
                            "CPU s of the S3 read, whole process (athena-local too)", median(processCpu), median(readingCpu));
                    System.out.printf(Locale.ROOT, "%-58s %10.3f%n", "time to first row, 10 rows (auto)", median(firstTen));
                    System.out.printf(Locale.ROOT, "%-58s %10.3f%n", "time to first row, " + rows + " rows (auto)",
                            median(firstOfMany));
                }
                setLatency(athena, 0);
            }
            System.out.printf(Locale.ROOT, "%n== polling: how late completion is noticed, and GetQueryExecution calls ==%n");
            System.out.print(PollingTable.render(0));
            System.out.print(PollingTable.render(latency));
            if (heapRows > 0) {
                heap(athena, heapRows);
            }
        }
    }

    private static void check(JdbcResultReader.Timing t, long rows, String transport) {
        if (t.rows() != rows || !t.transport().equals(transport)) {
            throw new IllegalStateException("expected " + rows + " rows via " + transport + ", read " + t.rows() + " via "
                    + t.transport());
        }
    }

    private static void row(String name, double seconds, long rows, String ratio) {
        System.out.printf(Locale.ROOT, "%-58s %10.3f %12.0f %22s%n", name, seconds, rows / seconds, ratio);
    }

    private static void setLatency(LocalAthena athena, long millis) {
        if (millis == 0) {
            athena.faults().clear();
        } else {
            athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "*").withLatencyMillis(millis),
                    FaultRule.forAction("s3", "GetObject").withLatencyMillis(millis)));
        }
    }

    /** The result file of a query, as GetQueryExecution reports it (with reuse: the original query's file). */
    private static Path resultFile(LocalAthena athena, String id) throws Exception {
        try (software.amazon.awssdk.services.athena.AthenaClient client = software.amazon.awssdk.services.athena.AthenaClient
                .builder().region(software.amazon.awssdk.regions.Region.of(LocalAthena.REGION))
                .endpointOverride(athena.endpoint()).httpClient(software.amazon.awssdk.http.apache5.Apache5HttpClient.create())
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test"))).build()) {
            String location = client.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution()
                    .resultConfiguration().outputLocation();
            return athena.buckets().pathOf(location);
        }
    }

    /** A JVM of its own with -Xmx128m reads {@code rows} rows through the S3 source; prints its peak heap. */
    private static void heap(LocalAthena athena, long rows) throws Exception {
        long side = (long) Math.ceil(Math.sqrt(rows));
        String sql = "SELECT a.n * " + side + " + b.n AS n FROM UNNEST(sequence(0, " + (side - 1) + ")) AS a(n) "
                + "CROSS JOIN UNNEST(sequence(0, " + (side - 1) + ")) AS b(n)";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = Files.createTempFile("heap-probe", ".out");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(java, "-Xmx128m", "-Daws.disableEc2Metadata=true", "-cp",
                    System.getProperty("java.class.path"), HeapProbe.class.getName(), athena.jdbcUrl(), sql)
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("the heap probe did not finish");
            }
            String[] lines = Files.readString(out, StandardCharsets.UTF_8).trim().split("\n");
            String[] f = lines[lines.length - 1].trim().split(" ");
            if (p.exitValue() != 0 || f.length != 3) {
                throw new IllegalStateException("the heap probe failed: " + String.join("\n", lines));
            }
            System.out.printf(Locale.ROOT, "%n== a JVM with -Xmx128m iterated %s rows (S3, auto) in %.1f s including the query;"
                    + " peak old generation %.1f MB ==%n", f[0], (System.nanoTime() - start) / 1e9,
                    Long.parseLong(f[2]) / 1e6);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long option(String[] args, String name, long defaultValue) {
        String value = stringOption(args, name, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " needs a non-negative whole number, got '" + value + "'");
    }

    private static String stringOption(String[] args, String name, String defaultValue) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return defaultValue;
    }
}
