package ai.connecty.athena.jdbc.execution;

/**
 * How long to wait between GetQueryExecution calls: starts at the minimum, grows by the multiplier after
 * every poll, never exceeds the maximum. Short queries are noticed quickly, long ones do not burn API calls
 * (which count against the account's GetQueryExecution quota).
 */
public final class PollingSchedule {
    private final long minMillis;
    private final long maxMillis;
    private final double multiplier;

    /** Values are clamped into sense (min at least 1 ms, max at least min, multiplier at least 1). */
    public PollingSchedule(long minMillis, long maxMillis, double multiplier) {
        this.minMillis = Math.max(1, minMillis);
        this.maxMillis = Math.max(this.minMillis, maxMillis);
        this.multiplier = Double.isNaN(multiplier) ? 1.0 : Math.max(1.0, multiplier);
    }

    public long minMillis() {
        return minMillis;
    }

    public long maxMillis() {
        return maxMillis;
    }

    public double multiplier() {
        return multiplier;
    }

    /** A fresh sequence of delays for one query. */
    public Delays delays() {
        return new Delays();
    }

    /** The delays of one query's polling loop; not thread-safe, one per execution. */
    public final class Delays {
        private double next = minMillis;

        private Delays() {
        }

        public long next() {
            long delay = (long) Math.min(next, maxMillis);
            next = Math.min(next * multiplier, maxMillis);
            return delay;
        }
    }

    @Override
    public String toString() {
        return "PollingSchedule[" + minMillis + " ms .. " + maxMillis + " ms, x" + multiplier + "]";
    }
}
