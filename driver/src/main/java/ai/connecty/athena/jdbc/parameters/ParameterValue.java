package ai.connecty.athena.jdbc.parameters;

import ai.connecty.athena.jdbc.types.TypeSignature;

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
     * The literal for a Hive-engine statement (DDL): strings with backslash escapes ({@code 'it\'s'}), because
     * Hive reads {@code ''} as two adjacent literals; other values are the same in both engines.
     */
    public String hiveLiteral() {
        if (text == null) {
            return literal;
        }
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
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
