package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.TableDef;
import java.util.Map;
import java.util.Set;

/**
 * The storage of a CTAS table by its {@code format} property: Parquet, or TEXTFILE (LazySimpleSerDe, fields split on
 * {@code field_delimiter}, by default {@code \001}) and JSON, the SerDes Trino's Hive connector writes those formats
 * with (HiveStorageFormat). The files are written uncompressed, where Athena's default write_compression for TEXTFILE
 * and JSON is GZIP.
 */
record CtasFormat(String serde, String inputFormat, String outputFormat, Map<String, String> serdeParameters,
                  String classification) {

    static final Set<String> SUPPORTED = Set.of("PARQUET", "TEXTFILE", "JSON");

    /** {@code format} in upper case, one of {@link #SUPPORTED}; {@code fieldDelimiter} null when not given. */
    static CtasFormat of(String format, String fieldDelimiter) {
        return switch (format) {
            case "TEXTFILE" -> new CtasFormat(TableDef.LAZY_SIMPLE_SERDE, TableDef.TEXT_INPUT, TableDef.TEXT_OUTPUT,
                    fieldDelimiter == null ? Map.of("serialization.format", "1")
                            : Map.of("field.delim", fieldDelimiter, "serialization.format", fieldDelimiter), "csv");
            case "JSON" -> new CtasFormat(TableDef.HIVE_JSON_SERDE, TableDef.TEXT_INPUT, TableDef.TEXT_OUTPUT,
                    Map.of("serialization.format", "1"), "json");
            default -> new CtasFormat(TableDef.PARQUET_SERDE, TableDef.PARQUET_INPUT, TableDef.PARQUET_OUTPUT,
                    Map.of("serialization.format", "1"), "parquet");
        };
    }
}
