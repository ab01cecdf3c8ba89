package ai.connecty.athena.jdbc.doctor;

/** How one check ended. */
public enum Outcome {
    /** The prerequisite is met. */
    PASS,
    /** The prerequisite is not met: the connection will not work until the printed fix is applied. */
    FAIL,
    /** Works, but something deserves attention (a rewritten value, a fact the guide's policy cannot reveal). */
    WARN,
    /** Not checked (needs consent, or an earlier failure makes it meaningless). */
    SKIP
}
