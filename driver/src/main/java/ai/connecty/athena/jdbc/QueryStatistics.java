package ai.connecty.athena.jdbc;

import software.amazon.awssdk.services.athena.model.QueryExecutionStatistics;

/**
 * What Athena reported about one query's cost and timing: {@code unwrap(AthenaStatement.class)} or
 * {@code unwrap(AthenaResultSet.class)}, then {@code getQueryStatistics()}. Values Athena did not report are 0.
 */
public final class QueryStatistics {
    private final long dataScannedBytes;
    private final long engineExecutionMillis;
    private final long totalExecutionMillis;
    private final long queueMillis;
    private final long planningMillis;
    private final long serviceProcessingMillis;
    private final boolean reusedPreviousResult;

    private QueryStatistics(QueryExecutionStatistics stats) {
        this.dataScannedBytes = orZero(stats.dataScannedInBytes());
        this.engineExecutionMillis = orZero(stats.engineExecutionTimeInMillis());
        this.totalExecutionMillis = orZero(stats.totalExecutionTimeInMillis());
        this.queueMillis = orZero(stats.queryQueueTimeInMillis());
        this.planningMillis = orZero(stats.queryPlanningTimeInMillis());
        this.serviceProcessingMillis = orZero(stats.serviceProcessingTimeInMillis());
        this.reusedPreviousResult = stats.resultReuseInformation() != null
                && Boolean.TRUE.equals(stats.resultReuseInformation().reusedPreviousResult());
    }

    static QueryStatistics from(QueryExecutionStatistics stats) {
        return new QueryStatistics(stats == null ? QueryExecutionStatistics.builder().build() : stats);
    }

    private static long orZero(Long value) {
        return value == null ? 0L : value;
    }

    /** Bytes scanned: what Athena bills for. */
    public long dataScannedBytes() { return dataScannedBytes; }

    public long engineExecutionMillis() { return engineExecutionMillis; }

    public long totalExecutionMillis() { return totalExecutionMillis; }

    public long queueMillis() { return queueMillis; }

    public long planningMillis() { return planningMillis; }

    public long serviceProcessingMillis() { return serviceProcessingMillis; }

    /** Whether Athena answered from a previous query's results (result reuse). */
    public boolean reusedPreviousResult() { return reusedPreviousResult; }

    @Override
    public String toString() {
        return "QueryStatistics[scanned=" + dataScannedBytes + " B, engine=" + engineExecutionMillis + " ms, total="
                + totalExecutionMillis + " ms, queue=" + queueMillis + " ms, planning=" + planningMillis
                + " ms, service=" + serviceProcessingMillis + " ms, reused=" + reusedPreviousResult + "]";
    }
}
