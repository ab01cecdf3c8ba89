package ai.connecty.athena.local.engine.result;

import ai.connecty.athena.local.sql.AthenaColumnType;
import ai.connecty.athena.local.sql.OutputColumn;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The {@code .metadata} sidecar (protobuf without a published schema; field numbers as reverse-engineered in
 * wire-protocol §4). Which of precision/scale/case-sensitivity a column carries depends on its type name only,
 * mirroring Trino's JDBC ColumnInfo, so the file is byte-identical to Athena's for the same columns.
 */
public final class ResultMetadata {

    private static final Set<String> PRECISION_SCALE_CASE = Set.of("tinyint", "smallint", "integer", "bigint",
            "double", "float", "real", "decimal", "varchar", "char", "varbinary", "timestamp",
            "timestamp with time zone", "time", "time with time zone");
    private static final Set<String> CASE_ONLY = Set.of("boolean", "interval day to second", "interval year to month");
    private static final int NULLABLE_UNKNOWN = 3;

    private ResultMetadata() {
    }

    /**
     * @param queryId     engine query id (or the execution id for Hive-path statements)
     * @param updateType  {@code INSERT}, {@code CREATE TABLE}... or null for none
     * @param updateCount written when non-null (even 0)
     */
    public static byte[] encode(String queryId, String updateType, Long updateCount, List<OutputColumn> columns) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.writeString(1, queryId);
            if (updateType != null) {
                out.writeString(2, updateType);
            }
            if (updateCount != null) {
                out.writeUInt64(3, updateCount);
            }
            for (OutputColumn c : columns) {
                byte[] column = column(c);
                out.writeByteArray(4, column);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] column(OutputColumn c) throws IOException {
        AthenaColumnType t = c.type();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeString(1, "hive");
        out.writeString(4, c.name());
        out.writeString(5, c.name());
        out.writeString(6, t.athenaName());
        boolean full = PRECISION_SCALE_CASE.contains(t.athenaName());
        if (full) {
            out.writeUInt64(7, t.precision());
        }
        if (full || t.athenaName().equals("date")) {
            out.writeUInt64(8, t.scale());
        }
        out.writeUInt64(9, NULLABLE_UNKNOWN);
        if (full || t.athenaName().equals("date") || CASE_ONLY.contains(t.athenaName())) {
            out.writeBool(10, t.caseSensitive());
        }
        out.flush();
        return bytes.toByteArray();
    }
}
