package ai.connecty.athena.local.control;

/** What the fault injector decided for one request. */
public record FaultDecision(long latencyMillis, boolean throttle, boolean error, Long dropAfterBytes) {

    public static final FaultDecision NONE = new FaultDecision(0, false, false, null);
}
