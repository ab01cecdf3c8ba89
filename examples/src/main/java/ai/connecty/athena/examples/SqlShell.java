package ai.connecty.athena.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A minimal SQL prompt: statements end with {@code ;} at the end of a line (or at the end of the input);
 * {@code \q}, {@code exit} or {@code quit} leave. A failed statement is reported and the prompt goes on.
 */
final class SqlShell {

    private final Connection connection;
    private final BufferedReader in;
    private final PrintStream out;
    private final boolean showPrompts;

    SqlShell(Connection connection, BufferedReader in, PrintStream out, boolean showPrompts) {
        this.connection = connection;
        this.in = in;
        this.out = out;
        this.showPrompts = showPrompts;
    }

    /** Runs until the input ends or the user quits; returns the number of statements that failed. */
    int run() throws IOException {
        StatementRunner runner = new StatementRunner(connection, out);
        StringBuilder statement = new StringBuilder();
        int failures = 0;
        prompt(statement);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String trimmed = line.strip();
            if (statement.isEmpty() && isQuit(trimmed)) {
                return failures;
            }
            if (!trimmed.isEmpty()) {
                statement.append(line).append('\n');
            }
            if (trimmed.endsWith(";")) {
                failures += execute(runner, statement);
            }
            prompt(statement);
        }
        if (!statement.toString().isBlank()) {
            failures += execute(runner, statement);
        }
        return failures;
    }

    private static boolean isQuit(String line) {
        String command = line.endsWith(";") ? line.substring(0, line.length() - 1).strip() : line;
        return command.equals("\\q") || command.equalsIgnoreCase("exit") || command.equalsIgnoreCase("quit");
    }

    /** Athena takes one statement without the terminator. Returns 1 when the statement failed. */
    private int execute(StatementRunner runner, StringBuilder statement) {
        String sql = statement.toString().strip();
        statement.setLength(0);
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).stripTrailing();
        }
        if (sql.isEmpty()) {
            return 0;
        }
        try {
            runner.run(sql);
            return 0;
        } catch (SQLException e) {
            out.println("ERROR " + e.getSQLState() + ": " + e.getMessage());
            return 1;
        }
    }

    private void prompt(StringBuilder statement) {
        if (showPrompts) {
            out.print(statement.isEmpty() ? "athena> " : "     -> ");
            out.flush();
        }
    }
}
