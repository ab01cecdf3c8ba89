package ai.connecty.athena.jdbc.types;

import ai.connecty.athena.jdbc.errors.SqlExceptions;
import java.sql.SQLException;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An Athena row value: its field values in declaration order, as their Java classes. JDBC's Struct has no
 * field names; {@link #fieldNames()} gives them where Athena's text showed them ({@code {a=1, b=x}}).
 */
public final class AthenaStruct implements Struct {
    private final String typeName;
    private final List<String> fieldNames;
    private final List<Object> attributes;

    AthenaStruct(String typeName, List<String> fieldNames, List<Object> attributes) {
        this.typeName = typeName;
        this.fieldNames = Collections.unmodifiableList(new ArrayList<>(fieldNames));
        this.attributes = Collections.unmodifiableList(new ArrayList<>(attributes));
    }

    @Override
    public String getSQLTypeName() {
        return typeName;
    }

    @Override
    public Object[] getAttributes() {
        return attributes.toArray();
    }

    @Override
    public Object[] getAttributes(Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) {
            throw SqlExceptions.notSupported("Custom type maps are not supported for Athena rows");
        }
        return getAttributes();
    }

    /** Field names in order, null for a field whose name is not known. */
    public List<String> fieldNames() {
        return fieldNames;
    }

    @Override
    public String toString() {
        return typeName + attributes;
    }
}
