package ai.connecty.athena.local.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Athena's prepared statements: kept per workgroup (not per session as in Trino), shared by the SQL statements
 * PREPARE, EXECUTE and DEALLOCATE PREPARE and by the API's CreatePreparedStatement and its siblings. Held in
 * memory for the life of the instance.
 */
public final class PreparedStatements {

    /** One prepared statement, in the API's terms. */
    public record Prepared(String workGroup, String name, String queryStatement, String description,
                           Instant lastModified) {
    }

    private final Map<String, Map<String, Prepared>> byWorkGroup = new LinkedHashMap<>();

    /** Creates or replaces {@code name} in {@code workGroup} (what PREPARE does). */
    public synchronized Prepared put(String workGroup, String name, String queryStatement, String description) {
        Prepared p = new Prepared(workGroup, name, queryStatement, description, Instant.now());
        byWorkGroup.computeIfAbsent(workGroup, w -> new LinkedHashMap<>()).put(name, p);
        return p;
    }

    public synchronized Optional<Prepared> find(String workGroup, String name) {
        return Optional.ofNullable(byWorkGroup.getOrDefault(workGroup, Map.of()).get(name));
    }

    /** @return whether there was one to remove */
    public synchronized boolean remove(String workGroup, String name) {
        Map<String, Prepared> names = byWorkGroup.get(workGroup);
        return names != null && names.remove(name) != null;
    }

    /** A workgroup's prepared statements, in the order they were first created. */
    public synchronized List<Prepared> list(String workGroup) {
        return new ArrayList<>(byWorkGroup.getOrDefault(workGroup, Map.of()).values());
    }
}
