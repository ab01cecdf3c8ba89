package ai.connecty.athena.local.demo;

import ai.connecty.athena.local.catalog.CatalogStore;
import ai.connecty.athena.local.catalog.ColumnDef;
import ai.connecty.athena.local.catalog.DataCatalog;
import ai.connecty.athena.local.catalog.DatabaseDef;
import ai.connecty.athena.local.catalog.PartitionScanner;
import ai.connecty.athena.local.catalog.TableDef;
import ai.connecty.athena.local.sql.Literals;
import ai.connecty.athena.local.storage.BucketStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The demo data set: files generated deterministically by DuckDB into bucket {@code demo-data}, registered in
 * {@code AwsDataCatalog.demo} and {@code lakehouse.lake}. Idempotent: a table that is already registered is
 * left alone, so user changes survive restarts.
 */
public final class DemoData {

    public static final String BUCKET = "demo-data";

    private final CatalogStore store;
    private final BucketStore buckets;
    private final Connection duck;

    public DemoData(CatalogStore store, BucketStore buckets, Connection duck) {
        this.store = store;
        this.buckets = buckets;
        this.duck = duck;
    }

    public void prepare() {
        buckets.createBucket(BUCKET);
        buckets.createBucket("athena-results");
        String aws = DataCatalog.AWS_DATA_CATALOG.name();
        database(aws, "demo", "Demo data set of athena-local");
        database(DataCatalog.LAKEHOUSE.name(), "lake", "Demo lakehouse database (HIVE catalog)");

        table(aws, parquet("demo", "sales", List.of(ColumnDef.of("sale_id", "bigint"), ColumnDef.of("customer_id", "int"),
                        ColumnDef.of("product", "string"), ColumnDef.of("quantity", "int"), ColumnDef.of("amount", "decimal(10,2)"),
                        ColumnDef.of("sold_at", "timestamp")),
                List.of(ColumnDef.of("year", "int"), ColumnDef.of("month", "int"))),
                "SELECT i AS sale_id, CAST(1 + (i * 7) % 200 AS INTEGER) AS customer_id, "
                        + "['widget','gadget','doohickey','gizmo','sprocket'][1 + i % 5] AS product, "
                        + "CAST(1 + i % 9 AS INTEGER) AS quantity, CAST(((i * 37) % 10000) / 100.0 AS DECIMAL(10,2)) AS amount, "
                        + "TIMESTAMP '2024-01-01' + to_hours(CAST(i * 3 AS BIGINT)) AS sold_at, "
                        + "CAST(year(TIMESTAMP '2024-01-01' + to_hours(CAST(i * 3 AS BIGINT))) AS INTEGER) AS year, "
                        + "CAST(month(TIMESTAMP '2024-01-01' + to_hours(CAST(i * 3 AS BIGINT))) AS INTEGER) AS month "
                        + "FROM range(4000) t(i)", "parquet", "year, month");

        table(aws, customers(), "SELECT i AS id, 'Customer ' || i AS name, "
                + "['US','DE','JP','FR','BR'][1 + i % 5] AS country, "
                + "CASE WHEN i % 10 = 0 THEN NULL ELSE 'c' || i || '@example.com' END AS email, "
                + "DATE '2020-01-01' + CAST(i AS INTEGER) AS signup_date FROM range(1, 201) t(i)", "csv", null);

        table(aws, events(), "SELECT i AS event_id, ['click','view','buy'][1 + i % 3] AS event_type, "
                + "['t' || (i % 4), 'x'] AS tags, MAP {'a': CAST(i % 5 AS INTEGER), 'b': 1} AS counters, "
                + "{'user_id': CAST(i % 200 AS INTEGER), 'device': CASE WHEN i % 2 = 0 THEN 'mobile' ELSE 'web' END} AS context "
                + "FROM range(500) t(i)", "json", null);

        table(aws, allTypes(), "SELECT * FROM (VALUES "
                + "(true, 1::TINYINT, 2::SMALLINT, 3::INTEGER, 4::BIGINT, 1.5::FLOAT, 2.25::DOUBLE, 12.34::DECIMAL(10,2), "
                + "1.123456789::DECIMAL(38,9), 'hello', 'short', 'abc  ', '\\x01\\x02'::BLOB, DATE '2024-02-29', "
                + "TIMESTAMP '2024-02-29 12:34:56.789', [1, 2, 3], MAP {'k': 'v'}, {'a': 1, 'b': 'x'}), "
                + "(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', '', NULL, NULL, NULL, NULL, [], MAP {}, NULL), "
                + "(false, -1::TINYINT, -2::SMALLINT, -3::INTEGER, 9223372036854775807::BIGINT, 'NaN'::FLOAT, 1e20::DOUBLE, "
                + "-0.5::DECIMAL(10,2), 0::DECIMAL(38,9), 'a\"b,c', NULL, NULL, ''::BLOB, DATE '1970-01-01', "
                + "TIMESTAMP '1970-01-01 00:00:00', [NULL, 4], MAP {'z': NULL}, {'a': NULL, 'b': NULL})) "
                + "AS v(c_boolean, c_tinyint, c_smallint, c_int, c_bigint, c_float, c_double, c_decimal, c_decimal38, "
                + "c_string, c_varchar, c_char, c_binary, c_date, c_timestamp, c_array, c_map, c_struct)", "parquet", null);

        table(aws, parquet("demo", "numbers", List.of(ColumnDef.of("n", "bigint"), ColumnDef.of("square", "bigint"),
                        ColumnDef.of("parity", "string"), ColumnDef.of("ratio", "double")), List.of()),
                "SELECT range AS n, range * range AS square, CASE WHEN range % 2 = 0 THEN 'even' ELSE 'odd' END AS parity, "
                        + "range / 1000000.0 AS ratio FROM range(1000000)", "parquet", null);

        table(DataCatalog.LAKEHOUSE.name(), parquet("lake", "orders", List.of(ColumnDef.of("order_id", "bigint"),
                        ColumnDef.of("customer_id", "int"), ColumnDef.of("total", "double"), ColumnDef.of("status", "string")),
                List.of()), "SELECT i AS order_id, CAST(1 + i % 200 AS INTEGER) AS customer_id, (i % 1000) / 10.0 AS total, "
                + "['open','shipped','returned'][1 + i % 3] AS status FROM range(300) t(i)", "parquet", null);
        table(DataCatalog.LAKEHOUSE.name(), parquet("lake", "products", List.of(ColumnDef.of("sku", "string"),
                        ColumnDef.of("price", "double")), List.of()),
                "SELECT 'sku-' || i AS sku, i * 1.25 AS price FROM range(20) t(i)", "parquet", null);
    }

    /** The sales-by-customer view; registered by the caller once the tables are bound in DuckDB. */
    public static String salesByCustomerSql() {
        return "SELECT c.id AS customer_id, c.name, count(*) AS sales, sum(s.amount) AS total_amount\n"
                + "FROM demo.sales s JOIN demo.customers c ON s.customer_id = c.id\nGROUP BY c.id, c.name";
    }

    private void database(String catalog, String name, String description) {
        if (store.database(catalog, name).isEmpty()) {
            store.putDatabase(catalog, new DatabaseDef(name, description, "", Map.of(), now()));
        }
    }

    private void table(String catalog, TableDef def, String select, String format, String partitionBy) {
        if (store.table(catalog, def.database(), def.name()).isPresent()) {
            return;
        }
        Path dir = buckets.pathOf(def.location());
        try {
            Files.createDirectories(dir);
            String target = partitionBy != null ? dir.toString() : dir.resolve("part-00000." + extension(format)).toString();
            String options = switch (format) {
                case "csv" -> "FORMAT csv, HEADER true";
                case "json" -> "FORMAT json";
                default -> "FORMAT parquet";
            };
            if (partitionBy != null) {
                options += ", PARTITION_BY (" + partitionBy + "), OVERWRITE_OR_IGNORE";
            }
            try (Statement s = duck.createStatement()) {
                s.execute("COPY (" + select + ") TO " + Literals.quote(target) + " (" + options + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot generate demo table " + def.name() + ": " + e.getMessage(), e);
        }
        store.putTable(catalog, def);
        if (!def.partitionKeys().isEmpty()) {
            store.addPartitions(catalog, def.database(), def.name(), new PartitionScanner(buckets).scan(def));
        }
    }

    private static String extension(String format) {
        return format.equals("parquet") ? "parquet" : format;
    }

    private static TableDef parquet(String db, String name, List<ColumnDef> columns, List<ColumnDef> keys) {
        return new TableDef(db, name, TableDef.EXTERNAL_TABLE, columns, keys, location(db, name), TableDef.PARQUET_INPUT,
                TableDef.PARQUET_OUTPUT, TableDef.PARQUET_SERDE, Map.of("serialization.format", "1"),
                Map.of("EXTERNAL", "TRUE", "classification", "parquet"), null, null, now(), null);
    }

    private static TableDef customers() {
        return new TableDef("demo", "customers", TableDef.EXTERNAL_TABLE, List.of(ColumnDef.of("id", "int"),
                ColumnDef.of("name", "string"), ColumnDef.of("country", "string"), ColumnDef.of("email", "string"),
                ColumnDef.of("signup_date", "date")), List.of(), location("demo", "customers"), TableDef.TEXT_INPUT,
                TableDef.TEXT_OUTPUT, TableDef.OPEN_CSV_SERDE, Map.of("separatorChar", ",", "quoteChar", "\""),
                Map.of("EXTERNAL", "TRUE", "classification", "csv", "skip.header.line.count", "1"), null, null, now(), null);
    }

    private static TableDef events() {
        return new TableDef("demo", "events", TableDef.EXTERNAL_TABLE, List.of(ColumnDef.of("event_id", "bigint"),
                ColumnDef.of("event_type", "string"), ColumnDef.of("tags", "array<string>"),
                ColumnDef.of("counters", "map<string,int>"), ColumnDef.of("context", "struct<user_id:int,device:string>")),
                List.of(), location("demo", "events"), TableDef.TEXT_INPUT, TableDef.TEXT_OUTPUT, TableDef.JSON_SERDE,
                Map.of(), Map.of("EXTERNAL", "TRUE", "classification", "json"), null, null, now(), null);
    }

    private static TableDef allTypes() {
        return parquet("demo", "all_types", List.of(ColumnDef.of("c_boolean", "boolean"), ColumnDef.of("c_tinyint", "tinyint"),
                ColumnDef.of("c_smallint", "smallint"), ColumnDef.of("c_int", "int"), ColumnDef.of("c_bigint", "bigint"),
                ColumnDef.of("c_float", "float"), ColumnDef.of("c_double", "double"), ColumnDef.of("c_decimal", "decimal(10,2)"),
                ColumnDef.of("c_decimal38", "decimal(38,9)"), ColumnDef.of("c_string", "string"),
                ColumnDef.of("c_varchar", "varchar(20)"), ColumnDef.of("c_char", "char(5)"), ColumnDef.of("c_binary", "binary"),
                ColumnDef.of("c_date", "date"), ColumnDef.of("c_timestamp", "timestamp"), ColumnDef.of("c_array", "array<int>"),
                ColumnDef.of("c_map", "map<string,string>"), ColumnDef.of("c_struct", "struct<a:int,b:string>")), List.of());
    }

    private static String location(String db, String table) {
        return "s3://" + BUCKET + "/" + db + "/" + table + "/";
    }

    private static double now() {
        return Instant.now().toEpochMilli() / 1000.0;
    }
}
