package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link Connections#connectyUserPerClass}, driven by hand so that its after-all step can be observed. */
@ExtendWith(LocalAthenaExtension.class)
class ConnectionsPerClassTest {

    @Test
    void oneConnectionUntilTheClassEndsThenClosedAndOpenedAnewOnNextUse(LocalAthena athena) throws SQLException {
        Connections.PerClass shared = Connections.connectyUserPerClass(() -> athena);
        Connection first = shared.get();
        assertThat(shared.get()).isSameAs(first);
        try (Statement s = first.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }

        shared.afterAll(null);

        assertThat(first.isClosed()).isTrue();
        Connection second = shared.get();
        assertThat(second).isNotSameAs(first);
        assertThat(second.isClosed()).isFalse();
        shared.afterAll(null);
        assertThat(second.isClosed()).isTrue();
    }

    @Test
    void askingBeforeTheInstanceExistsSaysWhen() {
        Connections.PerClass shared = Connections.connectyUserPerClass(() -> null);
        assertThatThrownBy(shared::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("LocalAthena");
    }
}
