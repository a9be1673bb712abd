package app.rebound.ui.records;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
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
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import app.rebound.domain.Messages;
import app.rebound.service.AutomaticBackups;
import app.rebound.service.Services;
import app.rebound.service.WrongPasswordException;
import app.rebound.ui.kit.Alerts;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.kit.Worker;
import app.rebound.ui.kit.Em;

/** Backing up on request, and restoring the latest automatic backup when the records do not open. */
public final class BackupActions {

    private BackupActions() {
    }

    /** Clinic → Back up now…: a file chosen by the clinician, written on the worker. */
    public static void backupNow(Stage stage, Services services, Worker worker) {
        if (services == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("backup.saveTitle"));
        chooser.setInitialFileName("rebound-backup-" + LocalDate.now() + ".zip");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Zip", "*.zip"));
        File file = chooser.showSaveDialog(stage);
        if (file == null) {
            return;
        }
        Path target = file.toPath();
        BackgroundTask.wrap(() -> new AutomaticBackups(services, Clock.systemDefaultZone()).runTo(target))
                .onSuccess(patients -> info(stage, Messages.format("backup.done", target.getFileName(),
                        Messages.format("backup.patients", patients))))
                .onFailure(failure -> Failures.report("action.backup", failure, message -> Alerts.error(stage, message)))
                .executeWith(worker);
    }

    /**
     * The records cannot be opened (damaged, cut short, missing): offers the newest automatic backup,
     * asks for a user name and password that open it, restores it (the damaged file kept beside it) and
     * asks to start again. Never starts empty over the damaged file.
     */
    public static void offerLatestBackup(Stage stage, Path dataFolder, Worker worker) {
        BackgroundTask.wrap(() -> AutomaticBackups.latestIn(dataFolder))
                .onSuccess(latest -> offer(stage, dataFolder, worker, latest))
                .onFailure(failure -> Failures.report("action.restoreBackup", failure,
                        message -> Alerts.error(stage, message)))
                .executeWith(worker);
    }

    private static void offer(Stage stage, Path dataFolder, Worker worker, Optional<Path> latest) {
        if (latest.isEmpty()) {
            Alerts.error(stage, Messages.format("backup.offer.none", dataFolder.resolve(AutomaticBackups.DEFAULT_FOLDER)));
            return;
        }
        Path backup = latest.get();
        String when = backup.getFileName().toString().replaceAll("rebound-(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2}).*",
                "$1-$2-$3 $4:$5");
        Optional<Credentials> given = askCredentials(stage, "restoreOffer", "backup.offer.title",
                Messages.format("backup.offer", when), "", "backup.offer.button");
        if (given.isEmpty()) {
            return;
        }
        String name = given.get().user();
        char[] secret = given.get().password();
        BackgroundTask.wrap(() -> AutomaticBackups.restoreOver(dataFolder, backup, name, secret,
                        Clock.systemDefaultZone()))
                .onSuccess(restored -> {
                    info(stage, Messages.format("backup.restored", backup.getFileName()));
                    Platform.exit();
                })
                .onFailure(failure -> {
                    if (failure instanceof WrongPasswordException) {
                        Alerts.error(stage, Messages.get("access.wrong"));
                    } else {
                        Failures.report("action.restoreBackup", failure, message -> Alerts.error(stage, message));
                    }
                })
                .executeWith(worker);
    }

    /**
     * Clinic → Restore from a backup…: a backup file chosen by the clinician replaces the records, after
     * a confirmation and a password that opens the backup (the signed-in clinician's name is suggested).
     * The records are closed first; the ones replaced are kept beside the restored ones; then Rebound
     * closes, to be started and signed in to again.
     *
     * @param closeRecords closes the open records (saving what is being typed) before the restore
     */
    public static void restoreFromFile(Stage stage, Services services, Worker worker, Path dataFolder,
            Runnable closeRecords) {
        if (services == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("backup.restore.chooseTitle"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Zip", "*.zip"));
        File file = chooser.showOpenDialog(stage);
        if (file == null) {
            return;
        }
        Path backup = file.toPath();
        Optional<Credentials> given = askCredentials(stage, "restoreBackup", "backup.restore.title",
                Messages.format("backup.restore.text", backup.getFileName()),
                services.accounts().current().username(), "backup.restore.button");
        if (given.isEmpty()) {
            return;
        }
        String name = given.get().user();
        char[] secret = given.get().password();
        // the password must open the backup before anything is closed
        BackgroundTask.wrap(() -> AutomaticBackups.opens(backup, name, secret.clone()))
                .onSuccess(opens -> {
                    if (!opens) {
                        Arrays.fill(secret, '\0');
                        Alerts.error(stage, Messages.get("backup.restore.wrongPassword"));
                        return;
                    }
                    closeRecords.run();
                    BackgroundTask.wrap(() -> AutomaticBackups.restoreOver(dataFolder, backup, name, secret,
                                    Clock.systemDefaultZone()))
                            .onSuccess(restored -> {
                                info(stage, Messages.format("backup.restored", backup.getFileName()));
                                Platform.exit();
                            })
                            .onFailure(failure -> {
                                Failures.report("action.restoreBackup", failure, message -> Alerts.error(stage,
                                        message + " " + Messages.get("backup.restore.startAgain")));
                                Platform.exit();
                            })
                            .executeWith(worker);
                })
                .onFailure(failure -> Failures.report("action.restoreBackup", failure,
                        message -> Alerts.error(stage, message)))
                .executeWith(worker);
    }

    /** A user name and a password typed to open a backup. */
    private record Credentials(String user, char[] password) {
    }

    /**
     * Asks for the user name and password that open a backup, with what is about to happen above them;
     * Cancel is the default button, so Enter does not replace records by accident.
     */
    private static Optional<Credentials> askCredentials(Stage stage, String id, String headerKey, String text,
            String suggestedUser, String goAheadKey) {
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
        Credentials given = new Credentials(user.getText(), password.getText().toCharArray());
        password.clear();
        return Optional.of(given);
    }

    private static void info(Stage stage, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION,
                message, ButtonType.OK);
        alert.initOwner(stage);
        alert.setTitle(Messages.get("app.name"));
        alert.setHeaderText(null);
        Theme.apply(alert.getDialogPane());
        alert.showAndWait();
    }

}
