package ai.connecty.athena.local.athena;

import java.util.List;

/** An Athena workgroup; {@code enforced} means its output location overrides the client's. */
public record WorkGroup(String name, String description, String outputLocation, boolean enforced, double creationTime) {

    /** The two workgroups athena-local defines (product contract). */
    public static List<WorkGroup> defaults() {
        double t = 1.7e9;
        return List.of(
                new WorkGroup("analytics", "Analytics team; results always go to s3://athena-results/analytics/",
                        "s3://athena-results/analytics/", true, t),
                new WorkGroup("primary", "", null, false, t));
    }
}
