package app.rebound.ui.kit;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Waiting for a scene to be on screen. A class of its own, so the first window can use it without
 * loading the main window's classes before its first frame.
 */
public final class Drawn {

    private Drawn() {
    }

    /** Runs the action once the scene has been laid out and drawn with what is now on screen. */
    public static void whenDrawn(Scene scene, Runnable action) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }
}
