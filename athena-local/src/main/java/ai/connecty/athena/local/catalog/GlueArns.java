package ai.connecty.athena.local.catalog;

/**
 * The ARNs of Glue's resources as IAM policies name them ({@code arn:aws:glue:<region>:<account>:<resource>}), for
 * every place that checks a Glue right: the Glue API itself and the query engine's reads and DDL.
 */
public final class GlueArns {

    private GlueArns() {
    }

    /** {@code resource} is {@code catalog}, {@code database/<db>} or {@code table/<db>/<table>}. */
    public static String of(String region, String accountId, String resource) {
        return "arn:aws:glue:" + region + ":" + accountId + ":" + resource;
    }

    public static String catalog(String region, String accountId) {
        return of(region, accountId, "catalog");
    }

    public static String database(String region, String accountId, String database) {
        return of(region, accountId, "database/" + database);
    }

    public static String table(String region, String accountId, String database, String table) {
        return of(region, accountId, "table/" + database + "/" + table);
    }
}
