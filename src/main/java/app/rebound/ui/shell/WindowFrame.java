package app.rebound.ui.shell;

import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import app.rebound.domain.Messages;
import app.rebound.ui.kit.Alerts;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.kit.WindowPlacement;
import app.rebound.ui.visit.VisitFormViewModel;

/**
 * The main window's frame: the screens under the bands at the top (the menus, the clinic header and, on a
 * server, the server line) with a layer above them for the lock screen; its title; the size and place it had
 * last time; what closing it asks first; and where it says what went wrong.
 */
final class WindowFrame {

    private final Stage stage;
    private final ScreenNavigator navigator;
    private final WindowPlacement placement;
    private final VBox top = new VBox();
    private final StackPane layers;

    WindowFrame(Stage stage, Path dataFolder, ScreenNavigator navigator) {
        this.stage = stage;
        this.navigator = navigator;
        this.placement = new WindowPlacement(dataFolder);
        navigator.root().setTop(top);
        this.layers = new StackPane(navigator.root());
        layers.getStyleClass().add("main-window-layers");
    }

    /** The bands at the top and the screens: what the lock screen hides. */
    BorderPane content() {
        return navigator.root();
    }

    /** The content and, above it while the screen is locked, the lock screen's prompt. */
    StackPane layers() {
        return layers;
    }

    /** Adds a band under those at the top (the server line). */
    void addBand(Node band) {
        top.getChildren().add(band);
    }

    /**
     * Shows the window, with {@code bands} at the top, where and as large as it was last closed; {@code keys}
     * adds the scene's own shortcuts. Returns the scene.
     */
    Scene show(Consumer<Scene> keys, Node... bands) {
        top.getChildren().setAll(bands);
        Scene scene = new Scene(layers);
        Theme.apply(scene);
        keys.accept(scene);
        stage.setScene(scene);
        stage.setTitle(Messages.get("app.name"));
        placement.restore(stage);
        WindowPlacement.centreDialogsOnOwners();
        stage.setOnCloseRequest(e -> {
            if (!mayClose()) {
                e.consume();
                return;
            }
            navigator.flushVisit();
            placement.save(stage);
        });
        stage.show();
        return scene;
    }

    /**
     * False when she keeps the window open: for a programme's edits not saved, or (on a server that cannot
     * be reached) a visit typed but not saved yet.
     */
    private boolean mayClose() {
        if (!navigator.mayClose(stage)) {
            return false;
        }
        VisitFormViewModel visit = navigator.visitForm();
        return visit == null || !visit.notSavedOffline() || Alerts.confirm(stage,
                Messages.get("server.closeUnsaved.title"), Messages.get("server.closeUnsaved"),
                Messages.get("server.closeUnsaved.button"));
    }

    /** File, Quit (and Sign out on the lock screen): saves what is typed and where the window is, then ends. */
    void quit() {
        navigator.flushVisit();
        placement.save(stage);
        stage.close();
        Platform.exit();
    }

    /** Says what went wrong in {@code actionKey}'s action, in words she can act on, over this window. */
    void report(String actionKey, Throwable failure) {
        Failures.report(actionKey, failure, message -> Alerts.error(stage, message));
    }
}
