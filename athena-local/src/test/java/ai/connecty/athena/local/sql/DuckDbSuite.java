package ai.connecty.athena.local.sql;

import ai.connecty.athena.local.engine.DuckDbEngine;
import java.sql.Connection;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One DuckDB engine for a test class, as the SQL suites run their translations on: register it in a static field
 * ({@code @RegisterExtension static final DuckDbSuite DUCK = new DuckDbSuite();}); it opens before the class's
 * {@code @BeforeAll} methods (which may create tables on {@link #connection()}) and closes after its
 * {@code @AfterAll} ones.
 */
final class DuckDbSuite implements BeforeAllCallback, AfterAllCallback {
    private DuckDbEngine engine;
    private Connection connection;

    @Override
    public void beforeAll(ExtensionContext context) {
        engine = new DuckDbEngine();
        connection = engine.admin();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        engine.close();
    }

    /** The engine's administrative connection, on which the suites run their statements. */
    Connection connection() {
        return connection;
    }
}
