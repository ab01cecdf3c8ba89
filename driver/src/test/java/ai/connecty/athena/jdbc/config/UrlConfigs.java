package ai.connecty.athena.jdbc.config;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/** The configuration of {@code jdbc:connecty-athena://Region=us-east-1;<tail>}, as the config tests read it. */
final class UrlConfigs {
    private static final String BASE = ConnectionUrl.PREFIX + "Region=us-east-1;";

    private UrlConfigs() {
    }

    static ConnectionConfig config(String urlTail) throws SQLException {
        return ConnectionConfig.from(PropertySettings.resolve(BASE + urlTail, new Properties()), Optional::empty);
    }

    /** The error the URL's configuration fails with; an AssertionError if it is accepted. */
    static SQLException error(String urlTail) {
        try {
            config(urlTail);
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("expected an error for " + urlTail);
    }
}
