package ai.connecty.athena.local.api;

/** What the fault injector can do to a running query (the HTTP-level faults never reach the engine). */
public interface QueryFaults {

    QueryFaults NONE = () -> 0L;

    /** Extra milliseconds a query spends RUNNING before it completes (the {@code queryMillis} rule field). */
    long extraQueryMillis();
}
