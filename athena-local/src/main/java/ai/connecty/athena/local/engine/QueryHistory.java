package ai.connecty.athena.local.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How many finished query executions (and their ClientRequestTokens) athena-local remembers, and for how long.
 * Athena keeps 45 days of history; an emulator must also bound its memory, so the oldest finished executions are
 * forgotten once there are more than {@code maxExecutions}. A forgotten execution is "not found" to
 * GetQueryExecution and its token starts a new query, as on Athena after the retention period. Result files in
 * S3 are never deleted. Running and queued executions are never forgotten.
 */
public record QueryHistory(int maxExecutions, Duration maxAge) {

    /** 10,000 executions (a few MB) or Athena's 45 days, whichever comes first. */
    public static final QueryHistory DEFAULT = new QueryHistory(10_000, Duration.ofDays(45));

    public QueryHistory {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxExecutions < 1) {
            throw new IllegalArgumentException("maxExecutions must be at least 1, got " + maxExecutions);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive, got " + maxAge);
        }
    }
}
