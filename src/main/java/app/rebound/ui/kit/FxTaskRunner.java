package app.rebound.ui.kit;

import java.time.Duration;
import java.util.concurrent.Executor;

import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The program's task runner: the work runs on an executor (the one worker thread, so work happens in
 * the order it was asked for), and its outcome and progress come back on the JavaFX thread.
 */
public final class FxTaskRunner implements TaskRunner {

    private final Executor executor;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private int underWay;

    public FxTaskRunner(Executor executor) {
        this.executor = executor;
    }

    /**
     * A runner that starts a daemon thread named {@code threadName} for each task: for work that blocks
     * in a system dialog (printing), which must hold up neither the JavaFX thread nor the worker.
     */
    public static FxTaskRunner threadPerTask(String threadName) {
        return new FxTaskRunner(work -> {
            Thread thread = new Thread(work, threadName);
            thread.setDaemon(true);
            thread.start();
        });
    }

    @Override
    public <T> void submit(BackgroundTask<T> task) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("Start background tasks from the JavaFX thread");
        }
        started();
        executor.execute(() -> {
            T value;
            try {
                value = task.call((done, total) -> Platform.runLater(() -> task.progressed(done, total)));
            } catch (Throwable failure) {
                Platform.runLater(() -> {
                    ended();
                    task.failed(failure);
                });
                return;
            }
            Platform.runLater(() -> {
                ended();
                task.succeeded(value);
            });
        });
    }

    private void started() {
        underWay++;
        running.set(true);
    }

    private void ended() {
        underWay--;
        running.set(underWay > 0);
    }

    @Override
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    @Override
    public Delay delay(Duration pause, Runnable action) {
        PauseTransition transition = new PauseTransition(javafx.util.Duration.millis(pause.toMillis()));
        transition.setOnFinished(e -> action.run());
        return new Delay() {
            @Override
            public void restart() {
                transition.playFromStart();
            }

            @Override
            public void stop() {
                transition.stop();
            }

            @Override
            public boolean pending() {
                return transition.getStatus() == Animation.Status.RUNNING;
            }
        };
    }
}
