package ai.connecty.athena.local.athena;

import java.util.List;

/**
 * An Athena workgroup; {@code enforced} means its output location overrides the client's; {@code managedResults}
 * that it keeps results in Athena-managed storage, which clients can read only through GetQueryResults.
 */
public record WorkGroup(String name, String description, String outputLocation, boolean enforced, double creationTime,
                        boolean managedResults) {

    /** The two workgroups athena-local defines (product contract). */
    public static List<WorkGroup> defaults() {
        double t = 1.7e9;
        return List.of(
                new WorkGroup("analytics", "Analytics team; results always go to s3://athena-results/analytics/",
                        "s3://athena-results/analytics/", true, t, false),
                new WorkGroup("managed", "Managed query results: readable only through GetQueryResults",
                        "s3://athena-results/managed/", true, t, true),
                new WorkGroup("primary", "", null, false, t, false));
    }
}
