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
                    for (int i = 0; i < 500; i++) {
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

        assertThat(messages(chain.first())).hasSize(2000).doesNotHaveDuplicates();
    }
}
