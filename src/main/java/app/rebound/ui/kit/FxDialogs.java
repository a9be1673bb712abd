package app.rebound.ui.kit;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import app.rebound.domain.Messages;
import app.rebound.ui.kit.Theme;

/** The program's dialogs, over {@code owner}, in the app's theme. */
public final class FxDialogs implements Dialogs {

    private final Window owner;

    public FxDialogs(Window owner) {
        this.owner = owner;
    }

    /**
     * An alert over {@code owner} in the app's theme, titled with the app's name; its pane has {@code id}
     * (for tests; null for none). The one way the program builds an alert; the caller shows it.
     */
    public static Alert alert(Window owner, Alert.AlertType type, String text, String header, String id,
            ButtonType... buttons) {
        Alert alert = new Alert(type, text, buttons);
        alert.initOwner(owner);
        alert.setTitle(Messages.get("app.name"));
        alert.setHeaderText(header);
        if (id != null) {
            alert.getDialogPane().setId(id);
        }
        Theme.apply(alert.getDialogPane());
        return alert;
    }

    @Override
    public void error(String message) {
        alert(owner, Alert.AlertType.ERROR, message, Messages.get("error.title"), "errorAlert", ButtonType.OK)
                .showAndWait();
    }

    @Override
    public void inform(String header, String text) {
        alert(owner, Alert.AlertType.INFORMATION, text, header, "informationAlert", ButtonType.OK).show();
    }

    @Override
    public boolean confirmDiscard(String questionKey) {
        ButtonType discard = new ButtonType(Messages.get("button.discard"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(Messages.get("button.keepEditing"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(owner, Alert.AlertType.CONFIRMATION, Messages.get(questionKey),
                Messages.get("discard.header"), "discardAlert", discard, keep);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(discard)).setDefaultButton(false);
        return alert.showAndWait().orElse(keep) == discard;
    }

    @Override
    public boolean confirm(String header, String text, String goAhead) {
        ButtonType yes = new ButtonType(goAhead, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(owner, Alert.AlertType.WARNING, text, header, "confirmAlert", yes, cancel);
        ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        return alert.showAndWait().orElse(cancel) == yes;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, FileKind kind) {
        return Optional.ofNullable(chooser(title, kind).showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, FileKind kind, String name) {
        FileChooser chooser = chooser(title, kind);
        chooser.setInitialFileName(name);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    private static FileChooser chooser(String title, FileKind kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        String description = switch (kind) {
            case RECORDS -> Messages.get("records.fileType");
            case BACKUP -> "Zip";
            case PDF -> "PDF";
            case CSV -> Messages.get("audit.export.filter");
        };
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, kind.pattern()));
        return chooser;
    }
}
