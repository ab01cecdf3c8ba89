package ai.connecty.athena.jdbc.execution;

import ai.connecty.athena.jdbc.results.ColumnSpec;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.ColumnNullable;

/** Turns Athena's ColumnInfo into the driver's column descriptions. */
final class ColumnSpecs {
    private ColumnSpecs() {
    }

    static List<ColumnSpec> from(List<ColumnInfo> infos) {
        List<ColumnSpec> specs = new ArrayList<>(infos.size());
        for (ColumnInfo info : infos) {
            // Name and Type are required by the model; an endpoint that leaves them out still gets readable
            // columns, named as Athena names unnamed expressions and typed as text.
            String name = info.name() != null ? info.name() : info.label() != null ? info.label() : "_col" + specs.size();
            specs.add(new ColumnSpec(name, info.label(), info.type() == null ? "unknown" : info.type(),
                    info.precision() == null ? 0 : info.precision(),
                    info.scale() == null ? 0 : info.scale(),
                    Boolean.TRUE.equals(info.caseSensitive()),
                    nullability(info.nullable())));
        }
        return specs;
    }

    private static int nullability(ColumnNullable nullable) {
        if (nullable == ColumnNullable.NOT_NULL) {
            return ResultSetMetaData.columnNoNulls;
        }
        return nullable == ColumnNullable.NULLABLE ? ResultSetMetaData.columnNullable : ResultSetMetaData.columnNullableUnknown;
    }
}
