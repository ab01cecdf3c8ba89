package ai.connecty.athena.local.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions STS has issued. Expired sessions are kept for a day so that their keys get
 * "token expired" rather than "unknown key", as with real STS credentials.
 */
public final class SessionStore {

    private static final Duration KEEP_EXPIRED = Duration.ofDays(1);

    private final Map<String, RoleSession> byAccessKey = new ConcurrentHashMap<>();

    public RoleSession issue(Role role, String sessionName, Instant expiration, Instant now) {
        byAccessKey.values().removeIf(s -> s.expiration().plus(KEEP_EXPIRED).isBefore(now));
        RoleSession session = new RoleSession("ASIA" + IdGenerator.randomSuffix(), IdGenerator.randomToken(30),
                IdGenerator.randomToken(96), expiration, role, sessionName);
        byAccessKey.put(session.accessKeyId(), session);
        return session;
    }

    public Optional<RoleSession> find(String accessKeyId) {
        return Optional.ofNullable(byAccessKey.get(accessKeyId));
    }
}
