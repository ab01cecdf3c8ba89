package ai.connecty.athena.local.control;

import java.time.Instant;

/**
 * One request as the log keeps it.
 *
 * @param principal the caller's ARN, or {@code anonymous} when the request could not be authenticated
 * @param service   {@code athena}, {@code glue}, {@code sts} or {@code s3}
 * @param action    the operation, e.g. {@code StartQueryExecution} or {@code GetObject}
 * @param resource  the ARN of the last authorization check, or null when none was made
 * @param decision  {@code allow} or {@code deny}
 * @param cutAfterBytes how many body bytes were sent before a {@code dropAfterBytes} fault cut the reply; null
 *                      when the reply went out whole
 */
public record RequestLogEntry(Instant time, String principal, String service, String action, String resource,
                              String decision, int status, long millis, Long cutAfterBytes) {

    /** An entry of a reply sent whole. */
    public RequestLogEntry(Instant time, String principal, String service, String action, String resource,
                           String decision, int status, long millis) {
        this(time, principal, service, action, resource, decision, status, millis, null);
    }

    /** Whether a fault cut the reply before its end. */
    public boolean cut() {
        return cutAfterBytes != null;
    }

    public boolean denied() {
        return "deny".equals(decision);
    }
}
