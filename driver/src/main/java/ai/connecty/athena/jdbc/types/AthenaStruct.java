package ai.connecty.athena.jdbc.types;

import ai.connecty.athena.jdbc.errors.SqlState;
import java.sql.SQLException;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * Connection.createStruct: the attributes as given, one per field of the row type {@code typeName}. Bound as a
     * parameter, each is written as the literal of its Java class and the row is cast to the type, so that a field
     * takes the declared type (a String for a date field becomes a date).
     *
     * @throws SQLException HY024 when {@code typeName} is no Athena row type with its fields' types, or the
     *                      attributes are null or fewer or more than its fields
     */
    public static AthenaStruct of(String typeName, Object[] attributes) throws SQLException {
        TypeSignature type = typeName == null ? null : TypeSignature.parse(typeName.trim());
        if (type == null || type.kind() != AthenaType.ROW || !type.isComplete()) {
            throw new SQLException("createStruct: '" + typeName + "' is no Athena row type; name it with its fields as "
                    + "Athena does, e.g. row(id bigint, name varchar)", SqlState.INVALID_PARAMETER_VALUE);
        }
        int fields = type.children().size();
        if (attributes == null || attributes.length != fields) {
            throw new SQLException("createStruct: " + (attributes == null ? "no attributes (null)"
                    : attributes.length + (attributes.length == 1 ? " attribute" : " attributes")) + " for the " + fields
                    + (fields == 1 ? " field" : " fields") + " of " + type.signature()
                    + "; pass one value per field, null for SQL NULL", SqlState.INVALID_PARAMETER_VALUE);
        }
        return new AthenaStruct(type.signature(), type.fieldNames(), Arrays.asList(attributes.clone()));
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
