package app.rebound.ui.kit;

import java.time.Duration;

import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * Runs work off the UI thread and hands its outcome back on the UI side, so that a view model never
 * writes thread code and can be tested without the JavaFX toolkit (the tests use a runner that does
 * everything on the calling thread). Work submitted to one runner runs in the order it was submitted.
 * <p>
 * Usage: {@code BackgroundTask.wrap(() -> service.save(visit)).onSuccess(this::show)
 * .onError(ValidationException.class, this::mark).onFailure(this::report).executeWith(runner)}.
 */
public interface TaskRunner {

    /** Runs the task's work in the background; its handlers run on the UI side afterwards. */
    <T> void submit(BackgroundTask<T> task);

    /** True while work submitted to this runner is queued or running. */
    ReadOnlyBooleanProperty runningProperty();

    /**
     * An action to run on the UI side once {@code pause} has passed without a restart: the pause
     * before an autosave, restarted by every keystroke.
     */
    Delay delay(Duration pause, Runnable action);

    /** A restartable pause before an action, on the UI side. */
    interface Delay {

        /** Starts the pause again from its beginning (or starts it). */
        void restart();

        /** Cancels the pause; the action does not run. */
        void stop();

        /** True while the pause runs and the action is still to come. */
        boolean pending();
    }
}
