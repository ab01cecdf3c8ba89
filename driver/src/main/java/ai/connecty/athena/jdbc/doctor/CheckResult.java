package ai.connecty.athena.jdbc.doctor;

import java.util.Objects;

/** One line of the doctor's report: what was checked, how it ended, and for a failure the fix. */
public final class CheckResult {
    private final String check;
    private final Outcome outcome;
    private final String detail;
    private final String fix;

    private CheckResult(String check, Outcome outcome, String detail, String fix) {
        this.check = Objects.requireNonNull(check);
        this.outcome = Objects.requireNonNull(outcome);
        this.detail = Objects.requireNonNull(detail);
        this.fix = fix;
    }

    static CheckResult pass(String check, String detail) {
        return new CheckResult(check, Outcome.PASS, detail, null);
    }

    static CheckResult fail(String check, String detail, String fix) {
        return new CheckResult(check, Outcome.FAIL, detail, fix);
    }

    static CheckResult warn(String check, String detail, String fix) {
        return new CheckResult(check, Outcome.WARN, detail, fix);
    }

    static CheckResult skip(String check, String detail) {
        return new CheckResult(check, Outcome.SKIP, detail, null);
    }

    public String check() {
        return check;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }

    /** What to change, for FAIL and WARN lines; empty otherwise. */
    public String fix() {
        return fix == null ? "" : fix;
    }

    /** {@code FAIL  role: <detail> -> fix: <fix>}, the way the command prints it. */
    public String line() {
        String text = String.format("%-4s  %s: %s", outcome, check, detail);
        return fix == null ? text : text + " -> fix: " + fix;
    }

    @Override
    public String toString() {
        return line();
    }
}
