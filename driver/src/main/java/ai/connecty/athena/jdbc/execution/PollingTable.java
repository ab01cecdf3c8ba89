package ai.connecty.athena.jdbc.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a polling schedule fares against queries of given durations, computed exactly from its delays (no
 * sleeping): the driver asks GetQueryExecution right after StartQueryExecution, then after each delay, so a
 * query of duration D is noticed at the first poll at or after D. {@code callMillis} adds the round trip of
 * each call to the time between polls. The README's polling table and the schedule's unit test come from here.
 */
public final class PollingTable {
    /** The official Athena JDBC driver's default schedule. */
    public static final PollingSchedule OFFICIAL = new PollingSchedule(100, 5000, 2.0);
    /** The peer open-source driver's schedule (its cap assumed at 5 s). */
    public static final PollingSchedule PEER = new PollingSchedule(10, 5000, 1.8);
    /** The durations the schedule is chosen on, in milliseconds. */
    public static final long[] DURATIONS = {200, 1200, 5000, 30000};

    private PollingTable() {
    }

    /** When a query of {@code durationMillis} is noticed, and after how many GetQueryExecution calls. */
    public static final class Outcome {
        public final long lateMillis;
        public final int calls;

        Outcome(long lateMillis, int calls) {
            this.lateMillis = lateMillis;
            this.calls = calls;
        }
    }

    public static Outcome poll(PollingSchedule schedule, long durationMillis, long callMillis) {
        PollingSchedule.Delays delays = schedule.delays();
        long now = 0;
        int calls = 0;
        while (true) {
            calls++;
            if (now >= durationMillis) {
                return new Outcome(now - durationMillis, calls);
            }
            now += delays.next() + callMillis;
        }
    }

    public static double meanCalls(PollingSchedule schedule, long[] durations, long callMillis) {
        double sum = 0;
        for (long duration : durations) {
            sum += poll(schedule, duration, callMillis).calls;
        }
        return sum / durations.length;
    }

    /** A text table: for each duration, how late and after how many calls each schedule notices completion. */
    public static String render(long callMillis) {
        List<String> names = List.of("this driver " + describe(QuerySettings.builder().build().pollingSchedule()),
                "peer " + describe(PEER), "official " + describe(OFFICIAL));
        List<PollingSchedule> schedules = List.of(QuerySettings.builder().build().pollingSchedule(), PEER, OFFICIAL);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-32s", "query duration (call " + callMillis + " ms)"));
        for (long d : DURATIONS) {
            out.append(String.format(Locale.ROOT, "%18s", d / 1000.0 + " s"));
        }
        out.append(String.format(Locale.ROOT, "%14s%n", "mean calls"));
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < schedules.size(); i++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-32s", names.get(i)));
            for (long d : DURATIONS) {
                Outcome o = poll(schedules.get(i), d, callMillis);
                row.append(String.format(Locale.ROOT, "%18s", "+" + o.lateMillis + " ms/" + o.calls + " calls"));
            }
            row.append(String.format(Locale.ROOT, "%14.2f", meanCalls(schedules.get(i), DURATIONS, callMillis)));
            rows.add(row.toString());
        }
        return out + String.join(System.lineSeparator(), rows) + System.lineSeparator();
    }

    private static String describe(PollingSchedule s) {
        return s.minMillis() + " ms x" + s.multiplier() + " <=" + s.maxMillis() / 1000.0 + " s";
    }

    public static void main(String[] args) {
        System.out.print(render(0));
        System.out.print(render(40));
    }
}
