package app.rebound.ui.kit;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Work off the JavaFX thread, with its outcome handed back on it:
 * {@code BackgroundTask.wrap(() -> service.search(q)).onSuccess(this::show).onFailure(this::report).executeWith(worker)}.
 * Views never write thread code by hand.
 */
public final class BackgroundTask<T> {

    private final Callable<T> work;
    private Consumer<T> onSuccess = value -> { };
    private Consumer<Throwable> onFailure = failure -> { };
    private Runnable onFinished = () -> { };

    private BackgroundTask(Callable<T> work) {
        this.work = work;
    }

    public static <T> BackgroundTask<T> wrap(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    public static BackgroundTask<Void> wrap(Runnable work) {
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    public BackgroundTask<T> onSuccess(Consumer<T> handler) {
        this.onSuccess = handler;
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> handler) {
        this.onFailure = handler;
        return this;
    }

    /** Runs after success or failure, on the JavaFX thread. */
    public BackgroundTask<T> onFinished(Runnable handler) {
        this.onFinished = handler;
        return this;
    }

    public Task<T> executeWith(Executor executor) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            try {
                onSuccess.accept(task.getValue());
            } finally {
                onFinished.run();
            }
        });
        task.setOnFailed(e -> {
            try {
                onFailure.accept(task.getException());
            } finally {
                onFinished.run();
            }
        });
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("Start background tasks from the JavaFX thread");
        }
        executor.execute(task);
        return task;
    }
}
