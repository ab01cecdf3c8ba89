package ai.connecty.athena.bench;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.catalog.SyntheticTables;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * How many AWS calls (and how long) DatabaseMetaData takes over a database of many tables when every Glue and
 * Athena call costs {@code --latency} ms (an athena-local fault rule, as a real region's round trip would):
 * getTables and getColumns of the whole database, and a DBeaver-style browse (catalogs, schemas, tables, then
 * columns, primary keys and indexes of 30 tables), each cold on a new connection and repeated on the same one,
 * beside the naive approach of one call per table for its columns (the AWS SDK alone: list the tables, then one
 * GetTable per table). Calls are counted in athena-local's request log (STS excluded); times are single runs on
 * an emulator, so read the calls and the ratios, not the absolute seconds.
 *
 * <pre>java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' ai.connecty.athena.bench.MetadataBenchmark
 *     [--tables 2000] [--latency 40]</pre>
 */
public final class MetadataBenchmark {
    private static final String CATALOG = "AwsDataCatalog";
    private static final String DATABASE = "wide";
    private static final int BROWSED_TABLES = 30;

    private record Line(String what, long calls, double seconds) {
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private MetadataBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tables = intOption(args, "--tables", 2000);
        int latency = intOption(args, "--latency", 40);
        Path dataDir = Files.createTempDirectory("metadata-benchmark");
        SyntheticTables.seed(dataDir, CATALOG, DATABASE, "t_", tables);
        try (LocalAthena athena = LocalAthena.builder().port(0).dataDir(dataDir).demoData(false).build().start()) {
            athena.awaitReady(Duration.ofMinutes(2));
            athena.faults().set(FaultPlan.of(1, FaultRule.forAction("glue", "*").withLatencyMillis(latency),
                    FaultRule.forAction("athena", "*").withLatencyMillis(latency)));
            System.out.printf(Locale.ROOT, "athena-local at %s; database %s.%s of %d tables; %d ms per Glue/Athena call%n",
                    athena.endpoint(), CATALOG, DATABASE, tables, latency);
            print(measure(athena, tables));
        }
    }

    private static List<Line> measure(LocalAthena athena, int tables) throws Exception {
        List<Line> lines = new ArrayList<>();
        try (Connection c = connect(athena, "")) {
            DatabaseMetaData m = c.getMetaData();
            lines.add(timed(athena, "driver getTables(%), cold", () -> count(m.getTables(CATALOG, DATABASE, "%", null))));
            lines.add(timed(athena, "driver getTables(%), repeated", () -> count(m.getTables(CATALOG, DATABASE, "%", null))));
        }
        try (Connection c = connect(athena, "")) {
            DatabaseMetaData m = c.getMetaData();
            lines.add(timed(athena, "driver getColumns(all tables), cold", () -> count(m.getColumns(CATALOG, DATABASE, "%", "%"))));
            lines.add(timed(athena, "driver getColumns(all tables), repeated", () -> count(m.getColumns(CATALOG, DATABASE, "%", "%"))));
            lines.add(timed(athena, "driver getColumns(1 table), after the listing", () -> count(m.getColumns(CATALOG, DATABASE, "t_0007", "%"))));
        }
        try (Connection c = connect(athena, "")) {
            DatabaseMetaData m = c.getMetaData();
            lines.add(timed(athena, "driver browse, cold", () -> browse(m)));
            lines.add(timed(athena, "driver browse, repeated", () -> browse(m)));
        }
        try (Connection c = connect(athena, "MetadataCacheTtlSeconds=0")) {
            DatabaseMetaData m = c.getMetaData();
            lines.add(timed(athena, "driver browse, MetadataCacheTtlSeconds=0", () -> browse(m)));
        }
        try (NaiveSdk naive = new NaiveSdk(athena)) {
            lines.add(timed(athena, "naive getColumns(all tables): 1 GetTable each", () -> naive.columnsOfEveryTable()));
            lines.add(timed(athena, "naive browse: 1 GetTable per browsed table", () -> naive.browse()));
        }
        return lines;
    }

    /** Catalogs, schemas, tables, then per browsed table its columns, primary keys and indexes (as DBeaver does). */
    private static void browse(DatabaseMetaData m) throws SQLException {
        count(m.getCatalogs());
        count(m.getSchemas(CATALOG, null));
        List<String> names = new ArrayList<>();
        try (ResultSet rs = m.getTables(CATALOG, DATABASE, "%", null)) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        for (String table : names.subList(0, Math.min(BROWSED_TABLES, names.size()))) {
            count(m.getColumns(CATALOG, DATABASE, table, null));
            count(m.getPrimaryKeys(CATALOG, DATABASE, table));
            count(m.getIndexInfo(CATALOG, DATABASE, table, false, true));
        }
    }

    private static Connection connect(LocalAthena athena, String extra) throws SQLException {
        Connection connection = DriverManager.getConnection(athena.jdbcUrl() + ";" + extra);
        athena.requestLog().clear();
        return connection;
    }

    private static Line timed(LocalAthena athena, String what, Work work) throws Exception {
        athena.requestLog().clear();
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        long calls = athena.requestLog().entries().stream().filter(e -> !e.service().equals("sts")).count();
        return new Line(what, calls, seconds);
    }

    private static int count(ResultSet rs) throws SQLException {
        int rows = 0;
        try (rs) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }

    private static void print(List<Line> lines) {
        System.out.printf(Locale.ROOT, "%n%-50s %8s %10s%n", "what", "calls", "seconds");
        for (Line line : lines) {
            System.out.printf(Locale.ROOT, "%-50s %8d %10.2f%n", line.what(), line.calls(), line.seconds());
        }
    }

    private static int intOption(String[] args, String name, int defaultValue) {
        for (int i = 0; i < args.length; i++) {
            if (!List.of("--tables", "--latency").contains(args[i]) || i + 1 == args.length) {
                throw new IllegalArgumentException("usage: MetadataBenchmark [--tables N] [--latency MS]; got '" + args[i] + "'");
            }
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
            i++;
        }
        return defaultValue;
    }

    /** The naive approach with the AWS SDK alone: the table listing without its columns, then a GetTable per table. */
    private static final class NaiveSdk implements AutoCloseable {
        private final SdkHttpClient http = Apache5HttpClient.create();
        private final StsClient sts;
        private final StsAssumeRoleCredentialsProvider credentials;
        private final GlueClient glue;
        private final AthenaClient athenaClient;

        NaiveSdk(LocalAthena local) {
            Region region = Region.of(LocalAthena.REGION);
            sts = StsClient.builder().httpClient(http).region(region).endpointOverride(local.endpoint())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            LocalAthena.SERVICE_ACCOUNT_KEY_ID, LocalAthena.SERVICE_ACCOUNT_SECRET)))
                    .build();
            credentials = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                    .refreshRequest(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("naive-metadata")).build();
            glue = GlueClient.builder().httpClient(http).region(region).endpointOverride(local.endpoint())
                    .credentialsProvider(credentials).build();
            athenaClient = AthenaClient.builder().httpClient(http).region(region).endpointOverride(local.endpoint())
                    .credentialsProvider(credentials).build();
            credentials.resolveCredentials();
        }

        private List<String> tableNames() {
            List<String> names = new ArrayList<>();
            for (GetTablesResponse page : glue.getTablesPaginator(r -> r.databaseName(DATABASE))) {
                for (Table table : page.tableList()) {
                    names.add(table.name());
                }
            }
            return names;
        }

        void columnsOfEveryTable() {
            for (String name : tableNames()) {
                glue.getTable(r -> r.databaseName(DATABASE).name(name));
            }
        }

        void browse() {
            athenaClient.listDataCatalogsPaginator(r -> { }).dataCatalogsSummary().forEach(c -> { });
            glue.getDatabasesPaginator(r -> { }).forEach(page -> { });
            List<String> names = tableNames();
            for (String name : names.subList(0, Math.min(BROWSED_TABLES, names.size()))) {
                glue.getTable(r -> r.databaseName(DATABASE).name(name));
            }
        }

        @Override
        public void close() {
            glue.close();
            athenaClient.close();
            credentials.close();
            sts.close();
            http.close();
        }
    }
}
