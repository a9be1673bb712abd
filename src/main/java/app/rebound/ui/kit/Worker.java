package app.rebound.ui.kit;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.LoggerFactory;

/**
 * The one background thread that talks to the database, so that work happens in the order the
 * clinician asked for it. Daemon, so a stuck query never keeps the program alive.
 */
public final class Worker implements java.util.concurrent.Executor, AutoCloseable {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rebound-worker-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void execute(Runnable command) {
        if (executor.isShutdown()) {
            // the program is closing and the records with it: nothing more can be done
            LoggerFactory.getLogger(Worker.class).warn("Work arrived after the records were closed; dropped");
            return;
        }
        executor.execute(command);
    }

    /** Lets queued work (a last save) finish, and the backup on close, for at most a minute. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
