package ai.connecty.athena.jdbc.metadata;

/**
 * Reads the resource out of a Glue AccessDenied message ({@code User: <arn> is not authorized to perform:
 * <action> on resource: <arn> [because ...]}) to tell an identity without Glue from one refused a single
 * database. Glue checks its read actions on the catalog first, then the database, then the table, and names the
 * first resource refused: so the catalog ARN means the identity may not use Glue here at all (Athena's calls are
 * the only way), while a {@code database/...} or {@code table/...} ARN means Glue works and this database does
 * not. Kept apart so the one piece of message parsing the fallback depends on is tested on its own.
 */
final class GlueDenial {
    private static final String MARKER = "on resource: ";
    /** {@code arn:partition:service:region:account:resource}: the resource is the sixth field. */
    private static final int ARN_FIELDS = 6;

    private GlueDenial() {
    }

    /**
     * True unless the message names a database or table resource: a message with no readable resource may mean
     * any refusal, so it is treated as the catalog's, the case the fallback to Athena's calls exists for.
     */
    static boolean isForTheCatalog(String message) {
        String resource = resource(message);
        return resource == null || !(resource.startsWith("database/") || resource.startsWith("table/"));
    }

    /** The resource part of the ARN after "on resource: ", or null when there is none. */
    private static String resource(String message) {
        if (message == null) {
            return null;
        }
        int at = message.indexOf(MARKER);
        if (at < 0) {
            return null;
        }
        String rest = message.substring(at + MARKER.length()).trim();
        int space = rest.indexOf(' ');
        String arn = space < 0 ? rest : rest.substring(0, space);
        String[] fields = arn.split(":", ARN_FIELDS);
        if (fields.length < ARN_FIELDS || !"arn".equals(fields[0])) {
            return null;
        }
        return fields[ARN_FIELDS - 1];
    }
}
