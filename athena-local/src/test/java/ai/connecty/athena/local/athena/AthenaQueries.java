package ai.connecty.athena.local.athena;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;

/** Runs queries through the real SDK the way clients do: start, poll GetQueryExecution, page GetQueryResults. */
public final class AthenaQueries {

    public static final String OUTPUT = "s3://athena-results/";
    private static final long TIMEOUT_NANOS = 60_000_000_000L;

    private AthenaQueries() {
    }

    /** Starts {@code sql} in workgroup primary with output {@link #OUTPUT}; {@code database} may be null. */
    public static String start(AthenaClient athena, String sql, String database) {
        return athena.startQueryExecution(request(sql, database).build()).queryExecutionId();
    }

    public static StartQueryExecutionRequest.Builder request(String sql, String database) {
        return StartQueryExecutionRequest.builder().queryString(sql)
                .clientRequestToken(UUID.randomUUID().toString())
                .resultConfiguration(r -> r.outputLocation(OUTPUT))
                .queryExecutionContext(c -> c.database(database));
    }

    /** Polls until the query reaches a final state. */
    public static QueryExecution await(AthenaClient athena, String id) {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (true) {
            QueryExecution q = athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution();
            QueryExecutionState s = q.status().state();
            if (s != QueryExecutionState.QUEUED && s != QueryExecutionState.RUNNING) {
                return q;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("query " + id + " still " + s + " after 60 s");
            }
            pause();
        }
    }

    /** Polls until the query has left QUEUED; returns its state then. */
    public static QueryExecutionState awaitStarted(AthenaClient athena, String id) {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            QueryExecutionState s = athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution().status().state();
            if (s != QueryExecutionState.QUEUED) {
                return s;
            }
            pause();
        }
        throw new AssertionError("query " + id + " stayed QUEUED");
    }

    public static QueryExecution run(AthenaClient athena, String sql, String database) {
        return await(athena, start(athena, sql, database));
    }

    /** Runs and requires SUCCEEDED, naming the reason otherwise. */
    public static QueryExecution succeed(AthenaClient athena, String sql, String database) {
        QueryExecution q = run(athena, sql, database);
        if (q.status().state() != QueryExecutionState.SUCCEEDED) {
            throw new AssertionError(sql + " ended " + q.status().state() + ": " + q.status().stateChangeReason());
        }
        return q;
    }

    /** Every row of every page (header row included for DML); a NULL value is a Java null. */
    public static List<List<String>> rows(AthenaClient athena, String id) {
        List<List<String>> rows = new ArrayList<>();
        for (GetQueryResultsResponse page : athena.getQueryResultsPaginator(r -> r.queryExecutionId(id))) {
            rows.addAll(values(page));
        }
        return rows;
    }

    public static List<List<String>> values(GetQueryResultsResponse page) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : page.resultSet().rows()) {
            List<String> values = new ArrayList<>();
            for (Datum d : row.data()) {
                values.add(d.varCharValue());
            }
            rows.add(values);
        }
        return rows;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
