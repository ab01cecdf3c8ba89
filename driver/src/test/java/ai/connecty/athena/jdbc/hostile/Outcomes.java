package ai.connecty.athena.jdbc.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

/** What hostile input may produce: a value, or a SQLException with a SQLState and a message. Nothing else. */
final class Outcomes {
    private Outcomes() {
    }

    interface Call {
        void run() throws Exception;
    }

    /** Runs {@code call}; fails the property if anything but a well-formed SQLException escapes. */
    static void onlySqlExceptions(String what, Call call) {
        try {
            call.run();
        } catch (SQLException e) {
            assertThat(e.getSQLState()).as("SQLState of %s: %s", what, e.getMessage()).isNotNull().hasSize(5);
            assertThat(e.getMessage()).as("message of %s", what).isNotBlank();
        } catch (Exception | Error e) {
            throw new AssertionError(what + " threw " + e, e);
        }
    }
}
