package ai.connecty.athena.local.engine.ddl;

/** A DDL/utility statement this emulator's parser cannot read; reported like Hive's ParseException. */
public final class DdlSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DdlSyntaxException(String message) {
        super(message);
    }
}
