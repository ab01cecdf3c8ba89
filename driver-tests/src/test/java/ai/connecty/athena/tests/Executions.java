package ai.connecty.athena.tests;

import ai.connecty.athena.local.LocalAthena;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;

/**
 * The query executions athena-local holds, read through the SDK as the admin (ListQueryExecutions, then
 * BatchGetQueryExecution 50 at a time): how tests count what the driver really sent, whatever it reports.
 */
final class Executions {

    private Executions() {
    }

    /** Every execution of the primary workgroup, newest first. */
    static List<QueryExecution> all(LocalAthena athena) {
        try (AthenaClient client = AthenaClient.builder().endpointOverride(athena.endpoint())
                .region(Region.of(LocalAthena.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(Connections.ADMIN_KEY, Connections.ADMIN_SECRET)))
                .build()) {
            List<String> ids = new ArrayList<>();
            client.listQueryExecutionsPaginator(r -> r.workGroup("primary")).stream()
                    .flatMap(page -> page.queryExecutionIds().stream()).forEach(ids::add);
            List<QueryExecution> executions = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += 50) {
                List<String> batch = ids.subList(from, Math.min(ids.size(), from + 50));
                executions.addAll(client.batchGetQueryExecution(r -> r.queryExecutionIds(batch)).queryExecutions());
            }
            return executions;
        }
    }
}
