package app.rebound.ui.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

import app.rebound.service.FailureLog;

/**
 * A piece of work for a {@link TaskRunner}, with what to do with its outcome:
 * {@code BackgroundTask.wrap(() -> service.search(q)).onSuccess(this::show).onFailure(this::report).executeWith(runner)}.
 * Unlike a JavaFX {@code Task} it does not need the toolkit, so the view models that use it are tested
 * on the test's own thread. The handlers run on the UI side: on the JavaFX thread in the program.
 */
public final class BackgroundTask<T> {

    /** Work that says how far it has got. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** How far the work has got: {@code done} of {@code total} steps. */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total);
    }

    private record ErrorHandler<E extends Throwable>(Class<E> type, Consumer<E> handler) {
        void accept(Throwable failure) {
            handler.accept(type.cast(failure));
        }
    }

    private final Work<T> work;
    private Consumer<T> onSuccess = value -> { };
    private final List<ErrorHandler<?>> errorHandlers = new ArrayList<>();
    private Consumer<Throwable> onFailure = failure -> FailureLog.log("background work", failure);
    private Runnable onFinished = () -> { };
    /** Indeterminate (-1) until the work reports how far it has got. */
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);

    private BackgroundTask(Work<T> work) {
        this.work = work;
    }

    public static <T> BackgroundTask<T> wrap(Callable<T> work) {
        return new BackgroundTask<>(progress -> work.call());
    }

    public static BackgroundTask<Void> wrap(Runnable work) {
        return new BackgroundTask<>(progress -> {
            work.run();
            return null;
        });
    }

    /** Work that reports its progress, shown through {@link #progressProperty()}. */
    public static <T> BackgroundTask<T> withProgress(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    public BackgroundTask<T> onSuccess(Consumer<T> handler) {
        this.onSuccess = handler;
        return this;
    }

    /**
     * Handles failures of one type (and its subtypes). Handlers are tried in the order they were added;
     * the first whose type matches handles the failure, and {@link #onFailure} gets the rest.
     */
    public <E extends Throwable> BackgroundTask<T> onError(Class<E> type, Consumer<E> handler) {
        errorHandlers.add(new ErrorHandler<>(type, handler));
        return this;
    }

    /** Handles every failure no {@link #onError} handler took. Unset, the failure is logged. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> handler) {
        this.onFailure = handler;
        return this;
    }

    /** Runs after success or failure, on the UI side. */
    public BackgroundTask<T> onFinished(Runnable handler) {
        this.onFinished = handler;
        return this;
    }

    public void executeWith(TaskRunner runner) {
        runner.submit(this);
    }

    /** From 0 to 1 once the work has said how far it has got; -1 (indeterminate) before. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    // for the runners: the work (on the background side), then its outcome (on the UI side)

    /** Runs the work; {@code progress} is where the runner carries reports over to the UI side. */
    public T call(Progress progress) throws Exception {
        return work.call(progress);
    }

    /** On the UI side: the work reported {@code done} of {@code total}. */
    public void progressed(long done, long total) {
        progress.set(total <= 0 ? -1 : Math.min(1.0, (double) done / total));
    }

    /** On the UI side: the work returned {@code value}. */
    public void succeeded(T value) {
        try {
            onSuccess.accept(value);
        } finally {
            onFinished.run();
        }
    }

    /** On the UI side: the work threw {@code failure}. */
    public void failed(Throwable failure) {
        try {
            for (ErrorHandler<?> handler : errorHandlers) {
                if (handler.type().isInstance(failure)) {
                    handler.accept(failure);
                    return;
                }
            }
            onFailure.accept(failure);
        } finally {
            onFinished.run();
        }
    }
}
