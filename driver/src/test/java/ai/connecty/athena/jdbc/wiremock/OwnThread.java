package ai.connecty.athena.jdbc.wiremock;

import java.util.concurrent.Executor;

/**
 * Runs each task on a new daemon thread: for the tests' background calls that block (an execute held by the
 * server, a close waiting on it). CompletableFuture's default executor is the common ForkJoinPool, which on a
 * 2-core machine has one thread on JDK 25 (JDK 17 gave each task a thread of its own there), so a second
 * blocking task would wait behind the first and the test would time out for a reason that is not the driver's.
 */
public final class OwnThread implements Executor {
    public static final Executor EACH_TASK = new OwnThread();

    private OwnThread() {
    }

    @Override
    public void execute(Runnable task) {
        Thread thread = new Thread(task, "test-background");
        thread.setDaemon(true);
        thread.start();
    }
}
