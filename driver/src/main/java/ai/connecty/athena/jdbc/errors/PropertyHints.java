package ai.connecty.athena.jdbc.errors;

import java.util.Locale;

/**
 * The connection property to change for a request Athena refused, appended to the driver's message so that the
 * fix is in the error itself (the connection doctor prints the same advice).
 */
public final class PropertyHints {
    private PropertyHints() {
    }

    /** A sentence starting with a space, or "" when Athena's message names nothing the user configures. */
    public static String forRefusal(String athenaMessage) {
        String message = athenaMessage == null ? "" : athenaMessage.toLowerCase(Locale.ROOT);
        if (message.contains("no output location")) {
            return " Set OutputLocation (s3://bucket/prefix/), or use a workgroup that enforces one (WorkGroup).";
        }
        if (message.contains("workgroup") && (message.contains("not found") || message.contains("does not exist"))) {
            return " Set WorkGroup to an existing workgroup of this Region (the default is primary).";
        }
        if (message.contains("workgroup") && message.contains("disabled")) {
            return " Enable the workgroup, or set WorkGroup to an enabled one.";
        }
        return "";
    }
}
