package app.rebound.ui.records;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import app.rebound.domain.Messages;
import app.rebound.service.Services;
import app.rebound.ui.kit.FxDialogs;
import app.rebound.ui.kit.TaskRunner;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.kit.Worker;
import app.rebound.ui.kit.Em;

/**
 * Backing up on request, and restoring a backup: the window's side of {@link BackupViewModel} (the
 * dialog that asks for the password that opens a backup, the result, closing Rebound).
 */
public final class BackupActions {

    private BackupActions() {
    }

    private static BackupViewModel model(Stage stage, TaskRunner tasks) {
        return new BackupViewModel(tasks, new FxDialogs(stage), new BackupViewModel.Screen() {
            @Override
            public Optional<BackupViewModel.Credentials> askCredentials(String id, String headerKey, String text,
                    String suggestedUser, String goAheadKey) {
                return BackupActions.askCredentials(stage, id, headerKey, text, suggestedUser, goAheadKey);
            }

            @Override
            public void say(String message) {
                info(stage, message);
            }

            @Override
            public void quit() {
                Platform.exit();
            }
        }, Clock.systemDefaultZone());
    }

    /** Clinic → Back up now…: a file chosen by the clinician, written on the worker. */
    public static void backupNow(Stage stage, Services services, TaskRunner tasks) {
        model(stage, tasks).backupNow(services);
    }

    /** The records cannot be opened: offers the newest automatic backup (see {@link BackupViewModel}). */
    public static void offerLatestBackup(Stage stage, Path dataFolder, TaskRunner tasks) {
        model(stage, tasks).offerLatestBackup(dataFolder);
    }

    /**
     * Clinic → Restore from a backup… (see {@link BackupViewModel#restoreFromFile}).
     *
     * @param closeRecords closes the open records (saving what is being typed) before the restore
     */
    public static void restoreFromFile(Stage stage, Services services, TaskRunner tasks, Path dataFolder,
            Runnable closeRecords) {
        model(stage, tasks).restoreFromFile(services, dataFolder, closeRecords);
    }

    /**
     * Asks for the user name and password that open a backup, with what is about to happen above them;
     * Cancel is the default button, so Enter does not replace records by accident.
     */
    private static Optional<BackupViewModel.Credentials> askCredentials(Stage stage, String id, String headerKey,
            String text, String suggestedUser, String goAheadKey) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle(Messages.get("app.name"));
        dialog.setHeaderText(Messages.get(headerKey));
        dialog.getDialogPane().setId(id);
        Theme.apply(dialog.getDialogPane());
        Label explanation = new Label(text);
        explanation.setWrapText(true);
        explanation.maxWidthProperty().bind(Em.px(480));
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        TextField user = new TextField(suggestedUser);
        user.setId("restoreUser");
        user.setPromptText(Messages.get("access.username").replace("_", ""));
        PasswordField password = new PasswordField();
        password.setId("restorePassword");
        password.setPromptText(Messages.get("access.password").replace("_", ""));
        dialog.getDialogPane().setContent(new VBox(10, explanation, user, password));
        ButtonType goAhead = new ButtonType(Messages.get(goAheadKey), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(goAhead, cancel);
        ((Button) dialog.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        Platform.runLater(suggestedUser.isEmpty() ? user::requestFocus : password::requestFocus);
        if (dialog.showAndWait().orElse(cancel) != goAhead) {
            return Optional.empty();
        }
        BackupViewModel.Credentials given = new BackupViewModel.Credentials(user.getText(), password.getText().toCharArray());
        password.clear();
        return Optional.of(given);
    }

    private static void info(Stage stage, String message) {
        FxDialogs.alert(stage, Alert.AlertType.INFORMATION, message, null, null, ButtonType.OK).showAndWait();
    }
}
