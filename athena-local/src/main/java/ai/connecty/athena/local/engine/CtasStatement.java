package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.Bucketing;
import ai.connecty.athena.local.catalog.ColumnDef;
import ai.connecty.athena.local.catalog.DataCatalog;
import ai.connecty.athena.local.catalog.IcebergMetadata;
import ai.connecty.athena.local.catalog.TableDef;
import ai.connecty.athena.local.engine.ddl.DdlStatement;
import ai.connecty.athena.local.sql.AthenaTypes;
import ai.connecty.athena.local.sql.CtasQuery;
import ai.connecty.athena.local.sql.EngineFailure;
import ai.connecty.athena.local.sql.Identifiers;
import ai.connecty.athena.local.storage.S3Location;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** CREATE TABLE ... AS SELECT: Parquet files under {@code external_location} or {@code <output>tables/<id>/}. */
final class CtasStatement {

    private CtasStatement() {
    }

    static StatementResult run(QueryContext ctx) throws SQLException {
        DdlStatement.CreateTableAs ctas = (DdlStatement.CreateTableAs) TrinoStatements.header(ctx.statement());
        DataCatalog catalog = ctas.table().catalog() == null ? ctx.catalog()
                : ctx.warehouse.catalog().catalog(ctas.table().catalog()).orElse(ctx.catalog());
        String db = ctas.table().database() == null ? ctx.databaseName() : ctas.table().database();
        String qualified = catalog.engineName() + "." + db + "." + ctas.table().name();
        try {
            if (ctx.warehouse.catalog().database(catalog.name(), db).isEmpty()) {
                throw new EngineFailure("SCHEMA_NOT_FOUND", 2, 1301,
                        "line 1:1: Schema '" + db + "' does not exist");
            }
            if (ctx.warehouse.catalog().table(catalog.name(), db, ctas.table().name()).isPresent()) {
                if (ctas.ifNotExists()) {
                    TableWriter.Written none = new TableWriter.Written(0, List.of());
                    TableWriter.writeSidecars(ctx, "CREATE TABLE", none);
                    return StatementResult.rowCount(TableWriter.ROWS_COLUMN, 0);
                }
                throw new EngineFailure("TABLE_ALREADY_EXISTS", 2, 1110,
                        "line 1:1: Destination table '" + qualified + "' already exists.");
            }
            String format = unquote(ctas.properties().getOrDefault("format", "'PARQUET'")).toUpperCase(Locale.ROOT);
            if (!CtasFormat.SUPPORTED.contains(format)) {
                throw new EngineFailure("NOT_SUPPORTED", 2, 1200, "CTAS format " + format
                        + " is not supported by athena-local; use format = 'PARQUET', 'TEXTFILE' or 'JSON' (see README)");
            }
            CtasFormat storage = CtasFormat.of(format,
                    ctas.properties().containsKey("field_delimiter") ? unquote(ctas.properties().get("field_delimiter"))
                            : null);
            boolean iceberg = IcebergMetadata.ICEBERG.equalsIgnoreCase(
                    unquote(ctas.properties().getOrDefault("table_type", "'HIVE'")));
            // Athena names an Iceberg CTAS's folder "location", a Hive one's "external_location".
            String locationProperty = iceberg ? "location" : "external_location";
            String location = ctas.properties().containsKey(locationProperty)
                    ? S3Location.parse(unquote(ctas.properties().get(locationProperty))).asPrefix().toString()
                    : ctx.execution.files().ctasData().toString();
            List<String> partitionedBy = arrayValues(ctas.properties().get("partitioned_by"));
            Bucketing bucketing = bucketing(ctas.properties());
            if (iceberg && !format.equals("PARQUET")) {
                throw new EngineFailure("NOT_SUPPORTED", 2, 1200, "Iceberg tables in format " + format
                        + " are not supported by athena-local; use format = 'PARQUET'");
            }
            if (iceberg && (!partitionedBy.isEmpty() || ctas.properties().containsKey("partitioning"))) {
                throw new EngineFailure("NOT_SUPPORTED", 2, 1200,
                        "Partitioned Iceberg tables are not supported by athena-local");
            }
            SelectStatement.prepareQueryReads(ctx);
            ctx.access.requireWrite(ctx.request().caller(), S3Location.parse(location), location);
            String select = CtasQuery.duckDbQuery(ctx.statement(), ctx.tableColumns());
            try (Connection conn = ctx.openConnection()) {
                TableDef table = tableFor(ctx, conn, select, db, ctas.table().name(), location, partitionedBy,
                        storage);
                ctx.access.requireGlueWrite(ctx.request().caller(), catalog, AccessChecks.Path.ENGINE,
                        "glue:CreateTable", db, ctas.table().name());
                if (bucketing != null && !iceberg) {
                    requireBucketColumns(table, bucketing);
                    table = table.withBucketing(bucketing);
                }
                if (iceberg) {
                    table = IcebergTables.create(ctx, db, table.name(), table.columns(), location, Map.of(), null);
                }
                ctx.warehouse.catalog().putTable(catalog.name(), table);
                String rows = TableWriter.castTo(table, quotedNames(table)) + " FROM (" + select + ")";
                TableWriter.Written written = !ctas.withData() ? new TableWriter.Written(0, List.of())
                        : iceberg ? IcebergTables.append(ctx, conn, catalog, table, rows)
                        : TableWriter.write(ctx, conn, catalog, table, rows);
                ctx.checkNotCancelled();
                TableWriter.writeSidecars(ctx, "CREATE TABLE", written);
                return StatementResult.rowCount(TableWriter.ROWS_COLUMN, written.rows());
            }
        } catch (SQLException e) {
            throw withCleanupHint(ctx, EngineFailure.from(e, ctx.statement(), ctx.catalogName(), ctx.databaseName()));
        } catch (EngineFailure e) {
            throw withCleanupHint(ctx, e);
        }
    }

    private static TableDef tableFor(QueryContext ctx, Connection conn, String select, String db, String name,
                                     String location, List<String> partitionedBy, CtasFormat storage)
            throws SQLException {
        List<ColumnDef> columns = new ArrayList<>();
        List<ColumnDef> keys = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("DESCRIBE " + select)) {
            while (rs.next()) {
                String hive = AthenaTypes.fromDuckDb(rs.getString("column_type")).hiveName();
                ColumnDef c = ColumnDef.of(rs.getString("column_name"), hive);
                (partitionedBy.contains(c.name()) ? keys : columns).add(c);
            }
        }
        Map<String, String> params = Map.of("has_encrypted_data", "false", "classification", storage.classification(),
                "EXTERNAL", "TRUE", "transient_lastDdlTime", String.valueOf(Instant.now().getEpochSecond()));
        return new TableDef(db, name, TableDef.EXTERNAL_TABLE, columns, keys, location, storage.inputFormat(),
                storage.outputFormat(), storage.serde(), storage.serdeParameters(), params, null,
                null, Instant.now().toEpochMilli() / 1000.0, ctx.request().caller().principalArn());
    }

    /**
     * The bucketing {@code bucketed_by} and {@code bucket_count} ask for, or null; refused as Trino's Hive connector
     * refuses them (HiveTableProperties.getBucketInfo). It is recorded in Glue, not followed when writing.
     */
    private static Bucketing bucketing(Map<String, String> properties) {
        List<String> bucketedBy = arrayValues(properties.get("bucketed_by"));
        String rawCount = properties.get("bucket_count");
        int count;
        try {
            count = rawCount == null ? 0 : Integer.parseInt(unquote(rawCount).trim());
        } catch (NumberFormatException e) {
            throw new EngineFailure("INVALID_TABLE_PROPERTY", 2, 1100,
                    "Invalid value for catalog 'awsdatacatalog' table property 'bucket_count': Cannot convert ["
                            + rawCount + "] to integer");
        }
        if (bucketedBy.isEmpty() && count == 0) {
            return null;
        }
        if (count < 0) {
            throw new EngineFailure("INVALID_TABLE_PROPERTY", 2, 1100, "bucket_count must be greater than zero");
        }
        if (bucketedBy.isEmpty() || count == 0) {
            throw new EngineFailure("INVALID_TABLE_PROPERTY", 2, 1100,
                    "bucketed_by and bucket_count must be specified together");
        }
        return new Bucketing(bucketedBy, count);
    }

    /** Trino's HiveMetadata: bucketing columns must be data columns of the table written. */
    private static void requireBucketColumns(TableDef table, Bucketing bucketing) {
        List<String> missing = bucketing.columns().stream()
                .filter(b -> table.columns().stream().noneMatch(c -> c.name().equals(b))).toList();
        if (!missing.isEmpty()) {
            throw new EngineFailure("INVALID_TABLE_PROPERTY", 2, 1100,
                    "Bucketing columns " + missing + " not present in schema");
        }
    }

    private static List<String> quotedNames(TableDef table) {
        return table.allColumns().stream().map(c -> Identifiers.quote(c.name())).toList();
    }

    private static List<String> arrayValues(String raw) {
        List<String> values = new ArrayList<>();
        if (raw == null) {
            return values;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'((?:[^']|'')*)'").matcher(raw);
        while (m.find()) {
            values.add(m.group(1).replace("''", "'").toLowerCase(Locale.ROOT));
        }
        return values;
    }

    private static String unquote(String literal) {
        String s = literal.strip();
        return s.startsWith("'") && s.endsWith("'") ? s.substring(1, s.length() - 1).replace("''", "'") : s;
    }

    private static QueryFailedException withCleanupHint(QueryContext ctx, EngineFailure failure) {
        S3Location main = ctx.execution.files().main();
        return QueryFailedException.engine(failure.getMessage() + " You may need to manually clean the data at location '"
                + main + "' before retrying. Athena will not delete data in your account.",
                failure.category(), failure.errorType());
    }
}
