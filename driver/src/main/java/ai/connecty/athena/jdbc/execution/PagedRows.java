package ai.connecty.athena.jdbc.execution;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.Row;

/**
 * The rows of a query, fetched page by page with GetQueryResults only when the reader gets to them. Handles
 * Athena's paging quirks: the header row is the first row of the first page only; a full page carries a
 * NextToken even when nothing follows, and the next call returns no rows; UTILITY statements with several
 * columns send each row as one tab-joined value, which is split back into the columns.
 */
public final class PagedRows {
    private final AthenaQueryClient client;
    private final String queryExecutionId;
    private final int columnCount;
    private final boolean splitJoinedRows;
    private List<Row> page;
    private int index;
    private String nextToken;
    private int pageSize;

    PagedRows(AthenaQueryClient client, String queryExecutionId, GetQueryResultsResponse firstPage,
              boolean skipHeaderRow, int columnCount, int pageSize) {
        this.client = client;
        this.queryExecutionId = queryExecutionId;
        this.columnCount = columnCount;
        this.splitJoinedRows = !skipHeaderRow && columnCount > 1;
        this.pageSize = pageSize;
        load(firstPage);
        if (skipHeaderRow && !page.isEmpty()) {
            index = 1;
        }
    }

    private void load(GetQueryResultsResponse response) {
        page = response.resultSet() == null ? Collections.emptyList() : response.resultSet().rows();
        index = 0;
        nextToken = response.nextToken();
    }

    /** The MaxResults of later pages (Statement/ResultSet fetch size), capped to what Athena allows. */
    public void pageSize(int fetchSize) {
        this.pageSize = QuerySettings.pageSize(fetchSize);
    }

    /** The next row's values (null elements are SQL NULL), or null after the last row. */
    public List<String> next() throws SQLException {
        while (index >= page.size()) {
            if (nextToken == null || nextToken.isEmpty()) {
                return null;
            }
            load(client.fetchPage(queryExecutionId, nextToken, pageSize));
        }
        return values(page.get(index++));
    }

    private List<String> values(Row row) {
        List<Datum> data = row.data();
        if (splitJoinedRows && data.size() == 1 && data.get(0).varCharValue() != null) {
            return Arrays.asList(data.get(0).varCharValue().split("\t", columnCount));
        }
        List<String> values = new ArrayList<>(data.size());
        for (Datum datum : data) {
            values.add(datum.varCharValue());
        }
        return values;
    }
}
