package ai.connecty.athena.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
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
 * The child JVM of {@link ConnectBenchmark}, on a class path of the driver and its dependencies only (no
 * athena-local, no DuckDB): prints "name=value" lines, milliseconds or class counts.
 */
final class ConnectProbe {
    private ConnectProbe() {
    }

    public static void main(String[] args) throws Exception {
        // The class count comes from JMX, whose first use loads a few hundred classes: done here, before any
        // timing, so that no timed step pays for the benchmark's own instrument.
        loaded();
        if (args[0].equals(ConnectBenchmark.CHILD)) {
            child(args[1], Integer.parseInt(args[2]));
        } else {
            parts(args[1], args[2], args[3], args[4], args[5]);
        }
    }

    /** One fresh JVM: the driver as a tool uses it. Prints "name=value" lines, milliseconds or counts. */
    static void child(String url, int warm) throws Exception {
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
    static void parts(String endpoint, String regionName, String keyId, String secret, String roleArn) {
        java.net.URI uri = java.net.URI.create(endpoint);
        Region region = Region.of(regionName);
        StaticCredentialsProvider keys = StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret));
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
        sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("connect-benchmark"));
        step.done("parts: first AssumeRole (the connect check's call)");
        sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("connect-benchmark"));
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

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
