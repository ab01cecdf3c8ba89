package ai.connecty.athena.local.control;

/** Whether the demo data is ready; {@code failure} explains a preparation that failed. */
public record Readiness(State state, String failure) {

    public enum State { STARTING, READY, FAILED }

    public static final Readiness STARTING = new Readiness(State.STARTING, null);
    public static final Readiness READY = new Readiness(State.READY, null);

    public static Readiness failed(String failure) {
        return new Readiness(State.FAILED, failure);
    }
}
