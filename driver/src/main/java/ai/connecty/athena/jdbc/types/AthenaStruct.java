package ai.connecty.athena.jdbc.types;

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

    /** The standard mapping: Athena has no user-defined types for a type map to name (see getObject with a map). */
    @Override
    public Object[] getAttributes(Map<String, Class<?>> map) throws SQLException {
        return getAttributes();
    }

    /** Field names in order, null for a field whose name is not known. */
    public List<String> fieldNames() {
        return fieldNames;
    }

    /**
     * The fields by name, in order: what {@code getObject(i, Map.class)} gives for a row. A field whose name is
     * not known is keyed by its position from 1 ({@code "1"}, {@code "2"}...), as JDBC numbers attributes.
     */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < attributes.size(); i++) {
            String name = i < fieldNames.size() && fieldNames.get(i) != null ? fieldNames.get(i) : String.valueOf(i + 1);
            map.put(name, attributes.get(i));
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        return typeName + attributes;
    }
}
