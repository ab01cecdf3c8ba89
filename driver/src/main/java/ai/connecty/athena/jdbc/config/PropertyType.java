package ai.connecty.athena.jdbc.config;

/** The kind of value a connection property takes; it decides how the text of the value is checked and converted. */
public enum PropertyType {
    STRING("text"),
    INTEGER("integer"),
    LONG("integer"),
    DOUBLE("number"),
    BOOLEAN("true|false"),
    CHOICE("one of the listed values");

    private final String description;

    PropertyType(String description) {
        this.description = description;
    }

    /** How the docs and error messages describe the expected value. */
    public String description() {
        return description;
    }
}
