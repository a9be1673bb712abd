package app.rebound.ui.lock;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import app.rebound.domain.Messages;
import app.rebound.service.Services;
import app.rebound.service.SettingsService;
import app.rebound.service.SignInDelayedException;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.BusySpinner;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.Worker;
import app.rebound.ui.kit.Em;

/**
 * Auto-lock: after some idle minutes (a setting, default 10) the main window's content is hidden
 * behind a password prompt, and every other window of the program (a patient's details being edited,
 * a preview) is hidden with it. Nothing is closed, so nothing being typed is lost; the clinician's
 * password brings it all back. Keyboard or mouse use in any of the program's windows counts as use.
 */
public final class LockScreen {

    private final Stage stage;
    private final Node content;
    private final StackPane layers;
    private final LockViewModel model;
    private final Services services;
    private final Worker worker;
    private final Runnable signOut;
    private final PauseTransition idle = new PauseTransition();
    private final List<Window> hidden = new ArrayList<>();
    private final EventHandler<InputEvent> activity = e -> restartTimer();
    private VBox prompt;
    private int idleMinutes;

    public LockScreen(Stage stage, Node content, StackPane layers, Worker worker, Services services, Runnable signOut) {
        this.stage = stage;
        this.content = content;
        this.layers = layers;
        this.services = services;
        this.worker = worker;
        this.model = new LockViewModel(services.accounts(), worker);
        model.lockedProperty().addListener((obs, was, now) -> {
            if (!now) {
                open();
            }
        });
        this.signOut = signOut;
        idle.setOnFinished(e -> lock(true));
        ListChangeListener<Window> newWindows = change -> {
            while (change.next()) {
                for (Window added : change.getAddedSubList()) {
                    watch(added.getScene());
                    added.sceneProperty().addListener((o, was, now) -> watch(now));
                }
            }
        };
        Window.getWindows().addListener(newWindows);
        // once the main window is gone, nothing is left to lock: the timer must not hide other windows
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            idle.stop();
            Window.getWindows().removeListener(newWindows);
        });
        for (Window each : Window.getWindows()) {
            watch(each.getScene());
        }
    }

    private final EventHandler<KeyEvent> noShortcutsWhileLocked = e -> {
        // the menu bar is hidden, but its shortcuts (Ctrl+N, Ctrl+E…) would still reach patient data
        if (isLocked() && (e.isShortcutDown() || e.isAltDown() || e.getCode().isFunctionKey())) {
            e.consume();
        }
    };

    private void watch(Scene scene) {
        if (scene != null) {
            scene.removeEventFilter(InputEvent.ANY, activity);
            scene.addEventFilter(InputEvent.ANY, activity);
            scene.removeEventHandler(KeyEvent.KEY_PRESSED, noShortcutsWhileLocked);
            scene.addEventHandler(KeyEvent.KEY_PRESSED, noShortcutsWhileLocked);
        }
    }

    /**
     * Starts counting idle time with the clinic's setting, read in the background; if it cannot be read,
     * with the default, and {@code onFailure} hears why.
     */
    public void startWithClinicSetting(Consumer<Throwable> onFailure) {
        BackgroundTask.wrap(() -> services.settings().idleMinutes())
                .onSuccess(this::start)
                .onFailure(failure -> {
                    start(SettingsService.DEFAULT_IDLE_MINUTES);
                    onFailure.accept(failure);
                })
                .executeWith(worker);
    }

    /** Starts counting idle time: {@code minutes} without use lock the screen. */
    public void start(int minutes) {
        if (minutes < 1) {
            return;
        }
        idleMinutes = minutes;
        idle.setDuration(Duration.minutes(minutes));
        idle.playFromStart();
    }

    private void restartTimer() {
        if (!model.isLocked() && idleMinutes > 0) {
            idle.playFromStart();
        }
    }

    public boolean isLocked() {
        return model.isLocked();
    }

    /** Locks now (File → Lock the screen, or the idle timer). */
    public void lock(boolean afterIdle) {
        if (!model.lock(afterIdle, idleMinutes)) {
            return;
        }
        idle.stop();
        for (Window each : new ArrayList<>(Window.getWindows())) {
            if (each != stage && each.isShowing()) {
                hidden.add(each);
                each.hide();
            }
        }
        content.setVisible(false);
        Label title = new Label(Messages.get("lock.title"), new FontIcon(Material2AL.LOCK));
        title.getStyleClass().add("title-2");
        Label intro = new Label();
        intro.textProperty().bind(model.introProperty());
        intro.setWrapText(true);
        PasswordField password = new PasswordField();
        password.setId("unlockPassword");
        password.textProperty().bindBidirectional(model.passwordProperty());
        model.passwordFocusProperty().addListener((obs, was, now) -> password.requestFocus());
        password.setPromptText(Messages.get("access.password").replace("_", ""));
        Label passwordLabel = new Label(Messages.get("access.password"), null);
        passwordLabel.setMnemonicParsing(true);
        passwordLabel.setLabelFor(password);
        Label message = new Label();
        message.setId("unlockMessage");
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        BusySpinner busy = new BusySpinner();
        busy.showingProperty().bind(model.busyProperty());
        Button unlock = new Button(Messages.get("lock.unlock"));
        unlock.setId("unlock");
        unlock.setDefaultButton(true);
        unlock.disableProperty().bind(busy.showingProperty());
        unlock.setOnAction(e -> model.unlock());
        Button out = new Button(Messages.get("lock.signOut"));
        out.setId("signOut");
        out.setOnAction(e -> signOut.run());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox buttons = new HBox(10, busy, spring, out, unlock);
        buttons.setAlignment(Pos.CENTER_LEFT);
        prompt = new VBox(14, title, intro, new VBox(4, passwordLabel, password), message, buttons);
        prompt.setId("lockScreen");
        prompt.getStyleClass().add("access-card");
        prompt.setPadding(new Insets(28, 32, 24, 32));
        prompt.maxWidthProperty().bind(Em.px(520));
        prompt.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(prompt, Pos.CENTER);
        layers.getChildren().add(prompt);
        password.requestFocus();
    }

    private void open() {
        layers.getChildren().remove(prompt);
        prompt = null;
        content.setVisible(true);
        for (Window each : hidden) {
            if (each instanceof Stage other) {
                other.show();
            }
        }
        hidden.clear();
        restartTimer();
    }
}
