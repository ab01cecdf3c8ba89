package ai.connecty.athena.jdbc.parameters;

import ai.connecty.athena.jdbc.errors.SqlState;
import ai.connecty.athena.jdbc.types.TypeSignature;
import java.sql.SQLException;

/**
 * One bound parameter: the Athena literal that stands for it, and the type it has (for ParameterMetaData).
 * The literal is complete and strictly valid on its own ({@code 'it''s'}, {@code DATE '2020-01-02'},
 * {@code CAST(NULL AS varchar)}), so Athena parses an ExecutionParameter as exactly that value.
 */
public final class ParameterValue {
    private final String literal;
    /** The string's text for statements that need other escaping (Hive DDL), null when not a string. */
    private final String text;
    private final int jdbcType;
    private final String typeName;

    ParameterValue(String literal, String text, int jdbcType, String typeName) {
        this.literal = literal;
        this.text = text;
        this.jdbcType = jdbcType;
        this.typeName = typeName;
    }

    /** The Trino-engine literal: what is sent as the ExecutionParameter. */
    public String literal() {
        return literal;
    }

    /**
     * The literal for a Hive-engine statement (DDL), whose text Athena checks with one lexer and Hive reads
     * with another: Hive takes backslash escapes and reads {@code ''} as two adjacent literals, the Trino check
     * takes neither. A string is written into such a statement only when it has no {@code '}, {@code \} or
     * NUL, the characters those rules disagree on; otherwise it is refused, because no escaping is right for
     * both. Other values are the same in both engines.
     */
    public String hiveLiteral(int index) throws SQLException {
        if (text == null) {
            return literal;
        }
        for (char c : new char[] {'\'', '\\', '\0'}) {
            if (text.indexOf(c) >= 0) {
                throw new SQLException("Parameter " + index + " contains " + (c == '\0' ? "a NUL character" : "the character " + c)
                        + ", which cannot be written safely into the text of a DDL or utility statement (Athena binds "
                        + "no ExecutionParameters there, and its Hive and Trino lexers escape it differently); "
                        + "remove it, or run a statement that takes parameters (SELECT, INSERT, CTAS)",
                        SqlState.INVALID_PARAMETER_VALUE);
            }
        }
        return literal;
    }

    public int jdbcType() {
        return jdbcType;
    }

    public String typeName() {
        return typeName;
    }

    public TypeSignature type() {
        return TypeSignature.parse(typeName);
    }
}
