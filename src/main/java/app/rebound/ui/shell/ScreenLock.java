package app.rebound.ui.shell;

import java.util.function.Consumer;

import javafx.stage.Stage;

import app.rebound.service.Services;
import app.rebound.ui.kit.Worker;
import app.rebound.ui.lock.LockScreen;

/**
 * The lock screen's controller: made once the records are open (it checks her password against them), started
 * with the clinic's idle time, restarted when Settings change that time, and locked at once from File, Lock
 * the screen. Its Sign out quits the window.
 */
final class ScreenLock {

    private final Stage stage;
    private final WindowFrame frame;
    private final Worker worker;
    private LockScreen screen;

    ScreenLock(Stage stage, WindowFrame frame, Worker worker) {
        this.stage = stage;
        this.frame = frame;
        this.worker = worker;
    }

    /** Starts counting idle time with the clinic's setting; {@code onFailure} hears why it could not be read. */
    void start(Services open, Consumer<Throwable> onFailure) {
        screen = new LockScreen(stage, frame.content(), frame.layers(), worker, open, frame::quit);
        screen.startWithClinicSetting(onFailure);
    }

    /** File, Lock the screen: at once (nothing to lock before the records are open). */
    void lockNow() {
        if (screen != null) {
            screen.lock(false);
        }
    }

    /** Settings saved a new idle time: it counts from now. */
    void idleTimeChanged(int minutes) {
        if (screen != null) {
            screen.start(minutes);
        }
    }

    /** The lock screen, null until the records are open. */
    LockScreen screen() {
        return screen;
    }
}
