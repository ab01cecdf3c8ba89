package ai.connecty.athena.bench;

import ai.connecty.athena.local.LocalAthena;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How fast the driver reads a large result, for several page sizes side by side in one run against one
 * athena-local, compared with the AWS SDK alone paging the same query ({@link RawSdkResultReader}): every variant
 * gets one untimed warm-up, then the timed runs of {@code SELECT * FROM demo.numbers} go round-robin over the
 * variants (so that a noisy moment of a shared machine hurts them all alike), and each variant's median is given
 * as a ratio of the raw SDK's. Numbers from an emulator on a shared machine: use the ratios, not the absolute
 * rates. Only settings this release implements are compared (results are read through GetQueryResults; the S3
 * fetcher is a later step and gets its own variants then).
 *
 * <pre>java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' ai.connecty.athena.bench.ResultFetchBenchmark
 *     [--runs 3] [--limit ROWS] [--data DIR]</pre>
 */
public final class ResultFetchBenchmark {

    /** One way of reading the result; the first is the baseline the others are compared with. */
    private record Variant(String name, Opener opener) {
    }

    @FunctionalInterface
    private interface Opener {
        ResultReader open(LocalAthena athena) throws Exception;
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("raw AWS SDK GetQueryResults loop", RawSdkResultReader::new),
            driver("ResultFetcher=GetQueryResults;FetchSize=1000"),
            driver("ResultFetcher=GetQueryResults;FetchSize=500"),
            driver("ResultFetcher=GetQueryResults;FetchSize=100"));

    /** The driver with these extra URL properties. */
    private static Variant driver(String properties) {
        String name = "driver, " + properties.replace("ResultFetcher=", "").replace(";", ", ");
        return new Variant(name, athena -> new JdbcResultReader(athena.jdbcUrl() + ";" + properties));
    }

    /** The measured runs of one variant. */
    private record Result(Variant variant, long rows, double medianSeconds) {
        double rowsPerSecond() {
            return rows / medianSeconds;
        }
    }

    private ResultFetchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i += 2) {
            if (!List.of("--runs", "--limit", "--data").contains(args[i]) || i + 1 == args.length) {
                throw new IllegalArgumentException("usage: ResultFetchBenchmark [--runs N] [--limit ROWS] [--data DIR]; got '"
                        + args[i] + "'");
            }
        }
        int runs = Math.max(1, intOption(args, "--runs", 3));
        int limit = intOption(args, "--limit", 0);
        Path dataDir = Path.of(stringOption(args, "--data", ".athena-local"));
        String sql = "SELECT * FROM demo.numbers" + (limit > 0 ? " LIMIT " + limit : "");
        try (LocalAthena athena = LocalAthena.builder().port(0).dataDir(dataDir).build().start()) {
            athena.awaitReady(Duration.ofMinutes(5));
            System.out.println("athena-local at " + athena.endpoint() + "; " + runs + " timed run(s) per variant of: " + sql);
            print(measure(athena, sql, runs));
        }
    }

    private static List<Result> measure(LocalAthena athena, String sql, int runs) throws Exception {
        List<ResultReader> readers = new ArrayList<>();
        try {
            for (Variant variant : VARIANTS) {
                ResultReader reader = variant.opener().open(athena);
                readers.add(reader);
                reader.readAll(sql);
            }
            double[][] seconds = new double[VARIANTS.size()][runs];
            long[] rows = new long[VARIANTS.size()];
            for (int run = 0; run < runs; run++) {
                for (int v = 0; v < VARIANTS.size(); v++) {
                    long start = System.nanoTime();
                    rows[v] = readers.get(v).readAll(sql);
                    seconds[v][run] = (System.nanoTime() - start) / 1e9;
                }
            }
            List<Result> results = new ArrayList<>();
            for (int v = 0; v < VARIANTS.size(); v++) {
                Arrays.sort(seconds[v]);
                results.add(new Result(VARIANTS.get(v), rows[v], seconds[v][runs / 2]));
            }
            return results;
        } finally {
            for (ResultReader reader : readers) {
                reader.close();
            }
        }
    }

    private static void print(List<Result> results) {
        Result baseline = results.get(0);
        System.out.printf(Locale.ROOT, "%n%-40s %10s %10s %12s %12s%n", "variant", "rows", "median s", "rows/s", "vs raw SDK");
        for (Result r : results) {
            String ratio = String.format(Locale.ROOT, "%.2fx", r.rowsPerSecond() / baseline.rowsPerSecond());
            System.out.printf(Locale.ROOT, "%-40s %10d %10.2f %12.0f %12s%n", r.variant().name(), r.rows(),
                    r.medianSeconds(), r.rowsPerSecond(), ratio);
        }
    }

    private static int intOption(String[] args, String name, int defaultValue) {
        String value = stringOption(args, name, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value);
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
