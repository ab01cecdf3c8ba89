package ai.connecty.athena.jdbc.types;

import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.results.ColumnSpec;
import ai.connecty.athena.jdbc.results.InMemoryResultSet;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An Athena array value, already parsed: {@link #getArray()} gives the elements as their Java classes
 * (nested arrays as {@link Array}, maps as {@link Map}, rows as {@link java.sql.Struct}); {@link #getResultSet()}
 * gives JDBC's INDEX/VALUE rows with the same getters as any result set.
 */
public final class AthenaArray implements Array {
    private final TypeSignature elementType;
    private final List<Object> elements;
    /** The element texts as Athena rendered them, null for NULL: the VALUE column of getResultSet. */
    private final List<String> texts;
    private boolean freed;

    AthenaArray(TypeSignature elementType, List<Object> elements, List<String> texts) {
        this.elementType = elementType;
        this.elements = Collections.unmodifiableList(new ArrayList<>(elements));
        this.texts = Collections.unmodifiableList(new ArrayList<>(texts));
    }

    /**
     * Connection.createArrayOf: the elements as given (PreparedStatement.setArray writes each as the literal of its
     * Java class), typed {@code typeName} for getBaseType and getBaseTypeName.
     *
     * @throws SQLException HY024 when {@code typeName} is no Athena type or {@code elements} is null
     */
    public static AthenaArray of(String typeName, Object[] elements) throws SQLException {
        TypeSignature type = typeName == null ? null : TypeSignature.parse(typeName.trim());
        if (type == null || !type.isComplete()) {
            throw new SQLException("createArrayOf: '" + typeName + "' is no Athena type; name the element type as Athena "
                    + "does (varchar, bigint, double, date, array(integer)...)", SqlState.INVALID_PARAMETER_VALUE);
        }
        if (elements == null) {
            throw new SQLException("createArrayOf: the elements are null; pass an empty array for an empty Athena array",
                    SqlState.INVALID_PARAMETER_VALUE);
        }
        List<Object> values = Arrays.asList(elements.clone());
        List<String> texts = new ArrayList<>(values.size());
        for (Object value : values) {
            texts.add(value == null ? null : String.valueOf(value));
        }
        return new AthenaArray(type, values, texts);
    }

    private void checkNotFreed() throws SQLException {
        if (freed) {
            throw new SQLException("The array was freed", SqlState.OBJECT_NOT_IN_STATE);
        }
    }

    /**
     * The element type, parsed: as createArrayOf named it, or as far as the result's type showed it (see
     * {@link TypeSignature#isComplete}).
     */
    public TypeSignature elementType() {
        return elementType;
    }

    /** The element type; {@code unknown} when Athena's ColumnInfo named only {@code array}. */
    @Override
    public String getBaseTypeName() throws SQLException {
        checkNotFreed();
        return elementType.typeName();
    }

    @Override
    public int getBaseType() throws SQLException {
        checkNotFreed();
        return elementType.jdbcType();
    }

    @Override
    public Object getArray() throws SQLException {
        checkNotFreed();
        return toJavaArray(elements);
    }

    /**
     * The map methods give the standard mapping: a type map names user-defined types, and Athena has none (see
     * ResultSet.getObject with a map).
     */
    @Override
    public Object getArray(Map<String, Class<?>> map) throws SQLException {
        checkNotFreed();
        return getArray();
    }

    @Override
    public Object getArray(long index, int count) throws SQLException {
        checkNotFreed();
        return toJavaArray(slice(index, count));
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
        checkNotFreed();
        return getArray(index, count);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkNotFreed();
        return resultSet(1, texts.size());
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
        checkNotFreed();
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count) throws SQLException {
        checkNotFreed();
        checkRange(index, count);
        return resultSet((int) index, count);
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
        checkNotFreed();
        return getResultSet(index, count);
    }

    @Override
    public void free() {
        freed = true;
    }

    private ResultSet resultSet(int firstIndex, int count) {
        List<ColumnSpec> columns = Arrays.asList(
                new ColumnSpec("INDEX", "INDEX", TypeSignature.parse("integer"), ResultSetMetaData.columnNoNulls),
                new ColumnSpec("VALUE", "VALUE", elementType, ResultSetMetaData.columnNullable));
        List<List<String>> rows = new ArrayList<>();
        // In long: a count of Integer.MAX_VALUE ("the rest") would overflow an int.
        int last = (int) Math.min(texts.size(), firstIndex - 1L + count);
        for (int i = firstIndex; i <= last; i++) {
            rows.add(Arrays.asList(String.valueOf(i), texts.get(i - 1)));
        }
        return InMemoryResultSet.create(null, columns, rows);
    }

    private List<Object> slice(long index, int count) throws SQLException {
        checkRange(index, count);
        int from = (int) index - 1;
        return elements.subList(from, (int) Math.min(elements.size(), (long) from + count));
    }

    private void checkRange(long index, int count) throws SQLException {
        if (index < 1 || index > elements.size() + 1L || count < 0) {
            throw new SQLException("Array index " + index + " and count " + count + " are out of range: the array has "
                    + elements.size() + " elements, indexed from 1", SqlState.INVALID_PARAMETER_VALUE);
        }
    }

    private Object toJavaArray(List<Object> values) {
        // Typed as the element class (Integer[] for array(integer)); Object[] where elements differ in class
        // (an unnamed element type read by shape, JSON values).
        Class<?> component = elementType.javaClass();
        for (Object value : values) {
            if (value != null && !component.isInstance(value)) {
                component = Object.class;
                break;
            }
        }
        Object[] array = (Object[]) java.lang.reflect.Array.newInstance(component, values.size());
        return values.toArray(array);
    }

    @Override
    public String toString() {
        return elements.toString();
    }
}
