package app.rebound.bench;

import java.lang.management.ManagementFactory;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The start-up baseline: the least a JavaFX window can be (one Label). It prints "first frame: N ms"
 * (since the JVM started) when its first frame is drawn, the same way {@code --smoke} does, then exits.
 * The suite starts it as it starts the app: plain {@code java} on the class path, same flags, same
 * display. Like the app's {@code Launcher}, the main class is not the {@code Application}.
 */
public final class BareWindow {

    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** One Label in a window. */
    public static final class Window extends Application {

        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new Label("Rebound"), 400, 200);
            stage.setScene(scene);
            stage.setTitle("Bare window");
            stage.show();
            // the same rule as Drawn.whenDrawn: after the pulse that laid out and drew the scene
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                Platform.runLater(() -> {
                    long started = ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("first frame: " + (System.currentTimeMillis() - started) + " ms");
                    System.out.flush();
                    Platform.exit();
                });
            };
            scene.addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
        }
    }
}
