package ai.connecty.athena.local.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    private static RequestLogEntry entry(String action) {
        return new RequestLogEntry(Instant.EPOCH, "arn:aws:iam::123456789012:user/u", "athena", action, null,
                "allow", 200, 1);
    }

    @Test
    void aRequestUnderWayWhenTheLogIsClearedIsNotLoggedAfterIt() {
        RequestLog log = new RequestLog();
        long before = log.generation();
        log.add(before, entry("GetQueryResults"));
        long stillRunning = log.generation();

        log.clear();
        log.add(stillRunning, entry("GetQueryResults"));
        log.add(log.generation(), entry("StartQueryExecution"));

        assertThat(log.count("athena", "GetQueryResults")).isZero();
        assertThat(log.count("athena", "StartQueryExecution")).isEqualTo(1);
    }

    @Test
    void keepsTheNewestEntriesUpToItsCapacity() {
        RequestLog log = new RequestLog();
        for (int i = 0; i < RequestLog.CAPACITY + 5; i++) {
            log.add(log.generation(), entry(i < 5 ? "Old" : "New"));
        }
        assertThat(log.entries()).hasSize(RequestLog.CAPACITY);
        assertThat(log.count("athena", "Old")).isZero();
    }
}
