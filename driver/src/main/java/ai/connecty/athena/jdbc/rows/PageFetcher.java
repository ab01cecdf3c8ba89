package ai.connecty.athena.jdbc.rows;

import java.sql.SQLException;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;

/** One GetQueryResults call; the protocol client's, so that paging keeps its timeouts and error translation. */
@FunctionalInterface
public interface PageFetcher {
    /** @param nextToken null for the first page */
    GetQueryResultsResponse fetch(String queryExecutionId, String nextToken, int maxResults) throws SQLException;
}
