package app.rebound.ui.clinic;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ProgressIndicator;

import app.rebound.ui.kit.Em;

/**
 * A small spinner shown while any of a dialog's background work runs: work that starts more work
 * (a removal that reloads the list) keeps it turning until the last piece has finished.
 */
final class WorkIndicator extends ProgressIndicator {

    private int running;

    WorkIndicator() {
        maxWidthProperty().bind(Em.px(22));
        maxHeightProperty().bind(Em.px(22));
        setVisible(false);
    }

    /** Turns while {@code working} is true (a view model's busy or working property). */
    void follow(ObservableBooleanValue working) {
        working.addListener((obs, was, now) -> {
            if (now) {
                begin();
            } else {
                end();
            }
        });
    }

    void begin() {
        running++;
        setVisible(true);
    }

    void end() {
        running = Math.max(0, running - 1);
        setVisible(running > 0);
    }
}
