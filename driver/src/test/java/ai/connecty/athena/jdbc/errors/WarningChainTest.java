package ai.connecty.athena.jdbc.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WarningChainTest {

    private static List<String> messages(SQLWarning first) {
        List<String> messages = new ArrayList<>();
        for (SQLWarning warning = first; warning != null; warning = warning.getNextWarning()) {
            messages.add(warning.getMessage());
        }
        return messages;
    }

    @Test
    void keepsWarningsInArrivalOrderIgnoringNullUntilCleared() {
        WarningChain chain = new WarningChain();
        chain.add(null);
        chain.add(new SQLWarning("a"));
        chain.add(null);
        chain.add(new SQLWarning("b"));

        assertThat(messages(chain.first())).containsExactly("a", "b");
        chain.clear();
        assertThat((Object) chain.first()).isNull();
        chain.add(new SQLWarning("c"));
        assertThat(messages(chain.first())).containsExactly("c");
    }

    @Test
    void losesNoWarningWhenThreadsAddAtOnce() throws Exception {
        WarningChain chain = new WarningChain();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> adders = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int id = thread;
                adders.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        chain.add(new SQLWarning(id + "-" + i));
                    }
                }));
            }
            for (Future<?> adder : adders) {
                adder.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(messages(chain.first())).hasSize(800).doesNotHaveDuplicates();
    }

    /** The same warning again (a scrollable result set asked for by every statement of a tool) is kept once. */
    @Test
    void aWarningAlreadyInTheChainIsNotAddedAgain() {
        WarningChain chain = new WarningChain();
        for (int i = 0; i < 3; i++) {
            chain.add(new SQLWarning("forward only", "01000"));
            chain.add(new SQLWarning("fell back", "01000"));
        }
        chain.add(new SQLWarning("forward only", "01004"));
        assertThat(messages(chain.first())).containsExactly("forward only", "fell back", "forward only");
        chain.clear();
        chain.add(new SQLWarning("forward only", "01000"));
        assertThat(messages(chain.first())).containsExactly("forward only");
    }

    /** A connection left open for days keeps at most MAX_WARNINGS warnings, and says once that it drops the rest. */
    @Test
    void theChainStopsGrowingAtItsLimitAndSaysSo() {
        WarningChain chain = new WarningChain();
        for (int i = 0; i < WarningChain.MAX_WARNINGS + 500; i++) {
            chain.add(new SQLWarning("warning " + i));
        }
        List<String> messages = messages(chain.first());
        assertThat(messages).hasSize(WarningChain.MAX_WARNINGS + 1);
        assertThat(messages.get(WarningChain.MAX_WARNINGS - 1)).isEqualTo("warning " + (WarningChain.MAX_WARNINGS - 1));
        assertThat(messages.get(WarningChain.MAX_WARNINGS)).contains("later ones are dropped until clearWarnings()");
        chain.clear();
        chain.add(new SQLWarning("after clearing"));
        assertThat(messages(chain.first())).containsExactly("after clearing");
    }

    @Test
    void aWarningThatCarriesOthersBringsThemAlong() {
        WarningChain chain = new WarningChain();
        SQLWarning carrier = new SQLWarning("a");
        carrier.setNextWarning(new SQLWarning("b"));
        chain.add(carrier);
        chain.add(new SQLWarning("c"));
        assertThat(messages(chain.first())).containsExactly("a", "b", "c");
    }
}
