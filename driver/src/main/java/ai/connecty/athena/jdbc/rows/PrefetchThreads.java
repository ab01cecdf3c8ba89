package ai.connecty.athena.jdbc.rows;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads one connection fetches result pages ahead with. Created on the first fetch ahead, so that a
 * connection that never pages starts no thread; {@link #shutdown()} (Connection.close) interrupts what still
 * runs and lets no new fetch start, so a closed connection leaves no thread behind. Each open result set has
 * at most one fetch under way, so the pool grows with the result sets read at the same time, and idle threads
 * end on their own.
 */
public final class PrefetchThreads {
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final long IDLE_SECONDS = 30;

    private ExecutorService pool;
    private boolean shutDown;

    /** The task, under way on a thread of this connection; null once the connection is closed. */
    public synchronized <T> Future<T> submit(Callable<T> task) {
        if (shutDown) {
            return null;
        }
        if (pool == null) {
            pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(),
                    PrefetchThreads::newThread);
        }
        try {
            return pool.submit(task);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private static Thread newThread(Runnable task) {
        // Daemon: a fetch ahead that nobody will read must never keep the JVM alive.
        Thread thread = new Thread(task, "connecty-athena-prefetch-" + THREAD_NUMBER.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    /** Interrupts the fetches still under way and ends the threads; later submits return null. Idempotent. */
    public synchronized void shutdown() {
        shutDown = true;
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
