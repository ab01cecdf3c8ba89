package ai.connecty.athena.local.sql;

/** Trino-style {@code line:column} positions (both 1-based, columns in UTF-16 units). */
final class Positions {

    private Positions() {
    }

    static String of(String sql, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return line + ":" + (offset - lineStart + 1);
    }

    /** Trino's {@code line L:C: } prefix of a message about what stands at {@code location}. */
    static String prefix(io.trino.sql.tree.NodeLocation location) {
        return "line " + location.getLineNumber() + ":" + location.getColumnNumber() + ": ";
    }

    /** The offset in {@code text} of Trino's {@code location} (line and column, 1-based, columns in UTF-16 units). */
    static int offset(String text, io.trino.sql.tree.NodeLocation location) {
        int line = 1;
        int i = 0;
        while (line < location.getLineNumber() && i < text.length()) {
            if (text.charAt(i++) == '\n') {
                line++;
            }
        }
        return Math.min(i + location.getColumnNumber() - 1, text.length());
    }
}
