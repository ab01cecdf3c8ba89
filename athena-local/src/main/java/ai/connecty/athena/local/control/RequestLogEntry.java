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
 */
public record RequestLogEntry(Instant time, String principal, String service, String action, String resource,
                              String decision, int status, long millis) {

    public boolean denied() {
        return "deny".equals(decision);
    }
}
