package ai.connecty.athena.jdbc.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Struct;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The splitting of Athena's array, map and row text where brackets, commas and {@code =} sit inside values: what
 * the mutation audit of {@link ComplexText} found untested.
 */
class ComplexTextTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private final TypeConversions conversions = TypeConversions.get();

    private Object read(String type, String text) throws SQLException {
        return conversions.convert("c", TypeSignature.parse(type), text, Object.class, UTC);
    }

    private static Object[] elements(Object array) throws SQLException {
        return (Object[]) ((Array) array).getArray();
    }

    /** A string ending in a comma ({@code ARRAY['a,']}) is one element; the comma has no space after it. */
    @Test
    void aCommaAtTheEndOfTheTextIsPartOfTheLastElement() throws SQLException {
        assertThat(elements(read("array(varchar)", "[a,]"))).containsExactly("a,");
        assertThat(elements(read("array(varchar)", "[x, a,]"))).containsExactly("x", "a,");
        assertThat(ComplexText.items("a,")).containsExactly("a,");
    }

    /** A closing bracket with no opening one ({@code ARRAY['a]', 'b']}) does not hide the separators after it. */
    @Test
    void anUnopenedClosingBracketInAStringDoesNotSwallowTheNextElements() throws SQLException {
        assertThat(elements(read("array(varchar)", "[a], b]"))).containsExactly("a]", "b");
        assertThat(elements(read("array(varchar)", "[a}, b]"))).containsExactly("a}", "b");
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) read("map(varchar, varchar)", "{a]=b, c}=d}");
        assertThat(map).containsExactly(Map.entry("a]", "b"), Map.entry("c}", "d"));
    }

    /** A map keyed by rows or maps: the {@code =} inside the key is not the entry's. */
    @Test
    void theEntrysEqualsSignIsTheFirstOutsideTheKeysBrackets() throws SQLException {
        @SuppressWarnings("unchecked")
        Map<Object, Object> byRow = (Map<Object, Object>) read("map(row(a integer), varchar)", "{{a=1}=x, {a=2}=y}");
        assertThat(byRow).hasSize(2);
        List<Map.Entry<Object, Object>> entries = List.copyOf(byRow.entrySet());
        assertThat(((Struct) entries.get(0).getKey()).getAttributes()).containsExactly(1);
        assertThat(entries.get(0).getValue()).isEqualTo("x");
        assertThat(((Struct) entries.get(1).getKey()).getAttributes()).containsExactly(2);
        assertThat(entries.get(1).getValue()).isEqualTo("y");
        @SuppressWarnings("unchecked")
        Map<Object, Object> byArray = (Map<Object, Object>) read("map(array(varchar), integer)", "{[k=v]=7}");
        Map.Entry<Object, Object> only = byArray.entrySet().iterator().next();
        assertThat(elements(only.getKey())).containsExactly("k=v");
        assertThat(only.getValue()).isEqualTo(7);
        assertThat(ComplexText.topLevelEquals("{a=1}=x")).isEqualTo(5);
        assertThat(ComplexText.topLevelEquals("[a=1]=x")).isEqualTo(5);
    }

    /** A map entry without {@code =} is refused (22018), not read as an empty key. */
    @Test
    void aMapEntryWithoutEqualsIsRefused() {
        assertThatThrownBy(() -> read("map(varchar, varchar)", "{abc}"))
                .isInstanceOf(SQLException.class).hasMessageContaining("not a map entry")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
        assertThat(ComplexText.topLevelEquals("abc")).isEqualTo(-1);
        assertThat(ComplexText.topLevelEquals("{a=1}")).isEqualTo(-1);
    }

    /** A nested row with a field of the outer row's next name: its {@code , b=} is not where the outer row splits. */
    @Test
    void aNestedRowsFieldNamedLikeTheNextOuterFieldDoesNotSplitTheOuterRow() throws SQLException {
        Struct row = (Struct) read("row(a row(x integer, b integer), b integer)", "{a={x=1, b=2}, b=3}");
        Object[] attributes = row.getAttributes();
        assertThat(attributes).hasSize(2);
        assertThat(((Struct) attributes[0]).getAttributes()).containsExactly(1, 2);
        assertThat(attributes[1]).isEqualTo(3);
        Struct inArray = (Struct) read("row(a array(varchar), b integer)", "{a=[p, b=q], b=4}");
        assertThat(elements(inArray.getAttributes()[0])).containsExactly("p", "b=q");
        assertThat(inArray.getAttributes()[1]).isEqualTo(4);
        // After the nested value the depth is 0 again: the next name is found, and a comma in its value stays.
        Struct after = (Struct) read("row(a array(varchar), b varchar)", "{a=[p], b=q, r}");
        assertThat(elements(after.getAttributes()[0])).containsExactly("p");
        assertThat(after.getAttributes()[1]).isEqualTo("q, r");
        assertThat(ComplexText.namedFields("a={x=1}, b=2, 3", List.of("a", "b"))).containsExactly("{x=1}", "2, 3");
    }

    /** A closing bracket with no opening one inside a named field's string does not hide the next field's name. */
    @Test
    void anUnopenedClosingBracketInANamedFieldKeepsTheFieldsApart() throws SQLException {
        Struct row = (Struct) read("row(a varchar, b varchar)", "{a=x], y, b=z}");
        assertThat(row.getAttributes()).containsExactly("x], y", "z");
        assertThat(ComplexText.namedFields("a=x}, y, b=z", List.of("a", "b"))).containsExactly("x}, y", "z");
    }

    /** A named row type whose text has no names ({@code {1, 2}}) is read by position. */
    @Test
    void aRowOfANamedTypeRenderedWithoutNamesIsReadByPosition() throws SQLException {
        Struct row = (Struct) read("row(a integer, b integer)", "{1, 2}");
        assertThat(row.getAttributes()).containsExactly(1, 2);
        assertThat(((AthenaStruct) row).fieldNames()).containsExactly("a", "b");
        assertThat(ComplexText.namedFields("1, 2", List.of("a", "b"))).isNull();
    }

    /**
     * Text that starts with the first name but lacks a later one at the top level (a string that opens a bracket,
     * the documented ambiguity) is not split by names: null, and the caller falls back to the separators.
     */
    @Test
    void aRowTextLackingALaterFieldNameIsNotSplitByNames() throws SQLException {
        assertThat(ComplexText.namedFields("a=1", List.of("a", "b"))).isNull();
        assertThat(ComplexText.namedFields("a=[, b=2", List.of("a", "b"))).isNull();
        assertThat(ComplexText.namedFields("a=1, b=2", List.of("a", "b"))).containsExactly("1", "2");
        Struct row = (Struct) read("row(a varchar, b varchar)", "{a=[, b=2}");
        assertThat(row.getAttributes()).containsExactly("[, b=2");
    }

    @Test
    void onlyTextEnclosedByTheBracketsHasAnInside() {
        assertThat(ComplexText.inside(" [] ", '[', ']')).isEmpty();
        assertThat(ComplexText.inside("[1]", '[', ']')).isEqualTo("1");
        assertThat(ComplexText.inside("[", '[', ']')).isNull();
        assertThat(ComplexText.inside("]", '[', ']')).isNull();
        assertThat(ComplexText.inside("", '[', ']')).isNull();
        assertThat(ComplexText.inside("[1", '[', ']')).isNull();
        assertThat(ComplexText.inside("1]", '[', ']')).isNull();
        assertThat(ComplexText.items("")).isEmpty();
    }
}
