package app.rebound.ui.kit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * A task runner for view-model tests: the work and its handlers run at once on the calling thread, so
 * a test needs neither the JavaFX toolkit nor any waiting. Delays do not pass by themselves:
 * {@link #elapseDelays()} lets every pending one run, as if the pause had passed.
 */
public final class SameThreadTaskRunner implements TaskRunner {

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final List<ManualDelay> delays = new ArrayList<>();
    private int submitted;

    @Override
    public <T> void submit(BackgroundTask<T> task) {
        submitted++;
        running.set(true);
        T value;
        try {
            value = task.call(task::progressed);
        } catch (Throwable failure) {
            running.set(false);
            task.failed(failure);
            return;
        }
        running.set(false);
        task.succeeded(value);
    }

    @Override
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    @Override
    public Delay delay(Duration pause, Runnable action) {
        ManualDelay delay = new ManualDelay(action);
        delays.add(delay);
        return delay;
    }

    /** Runs the action of every delay still pending, as if its pause had passed. */
    public void elapseDelays() {
        for (ManualDelay delay : List.copyOf(delays)) {
            if (delay.pending) {
                delay.pending = false;
                delay.action.run();
            }
        }
    }

    /** How many tasks were submitted so far. */
    public int submitted() {
        return submitted;
    }

    private static final class ManualDelay implements Delay {
        private final Runnable action;
        private boolean pending;

        ManualDelay(Runnable action) {
            this.action = action;
        }

        @Override
        public void restart() {
            pending = true;
        }

        @Override
        public void stop() {
            pending = false;
        }

        @Override
        public boolean pending() {
            return pending;
        }
    }
}
