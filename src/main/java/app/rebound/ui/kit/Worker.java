package app.rebound.ui.kit;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.beans.property.ReadOnlyBooleanProperty;
import org.slf4j.LoggerFactory;

import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.FxTaskRunner;
import app.rebound.ui.kit.TaskRunner;

/**
 * The one background thread that talks to the database, so that work happens in the order the
 * clinician asked for it. Daemon, so a stuck query never keeps the program alive. It is the program's
 * {@link TaskRunner}: outcomes come back on the JavaFX thread.
 */
public final class Worker implements Executor, TaskRunner, AutoCloseable {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rebound-worker-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final FxTaskRunner runner = new FxTaskRunner(this);

    @Override
    public void execute(Runnable command) {
        if (executor.isShutdown()) {
            // the program is closing and the records with it: nothing more can be done
            LoggerFactory.getLogger(Worker.class).warn("Work arrived after the records were closed; dropped");
            return;
        }
        executor.execute(command);
    }

    @Override
    public <T> void submit(BackgroundTask<T> task) {
        runner.submit(task);
    }

    @Override
    public ReadOnlyBooleanProperty runningProperty() {
        return runner.runningProperty();
    }

    @Override
    public Delay delay(Duration pause, Runnable action) {
        return runner.delay(pause, action);
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
