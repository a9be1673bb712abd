package app.rebound.ui.kit;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
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
    public Conflict.Choice resolve(Conflict conflict) {
        ButtonType mine = new ButtonType(Messages.get("conflict.keepMine"), ButtonBar.ButtonData.LEFT);
        ButtonType theirs = new ButtonType(Messages.get("conflict.takeTheirs"), ButtonBar.ButtonData.OTHER);
        ButtonType later = new ButtonType(Messages.get("conflict.later"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(owner, Alert.AlertType.WARNING, null, conflict.header(), "conflictDialog", mine, theirs,
                later);
        alert.getDialogPane().setContent(differences(conflict));
        alert.setResizable(true);
        Button keep = (Button) alert.getDialogPane().lookupButton(mine);
        keep.setId("keepMine");
        keep.setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(theirs)).setId("takeTheirs");
        Button decideLater = (Button) alert.getDialogPane().lookupButton(later);
        decideLater.setId("decideLater");
        decideLater.setDefaultButton(true);
        ButtonType chosen = alert.showAndWait().orElse(later);
        return chosen == mine ? Conflict.Choice.KEEP_MINE
                : chosen == theirs ? Conflict.Choice.TAKE_THEIRS : Conflict.Choice.LATER;
    }

    /** Field by field: the label, her value, the value saved on the other workstation. */
    private static Node differences(Conflict conflict) {
        GridPane grid = new GridPane();
        grid.setId("conflictRows");
        grid.setHgap(16);
        grid.setVgap(6);
        grid.getStyleClass().add("conflict-rows");
        ColumnConstraints field = new ColumnConstraints();
        field.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints value = new ColumnConstraints();
        value.setPercentWidth(40);
        grid.getColumnConstraints().addAll(field, value, value);
        grid.addRow(0, heading("conflict.field"), heading("conflict.yours"), heading("conflict.theirs"));
        int row = 1;
        for (Conflict.Row difference : conflict.rows()) {
            Label yours = wrapped(difference.yours());
            yours.getStyleClass().add("conflict-yours");
            Label theirs = wrapped(difference.theirs());
            theirs.getStyleClass().add("conflict-theirs");
            grid.addRow(row++, wrapped(difference.label()), yours, theirs);
        }
        Label note = wrapped(Messages.get("conflict.note"));
        note.getStyleClass().add("form-help");
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setPrefViewportHeight(Math.min(360, 28 * (conflict.rows().size() + 1)));
        VBox content = new VBox(12, scroll, note);
        content.setPrefWidth(640);
        return content;
    }

    private static Label heading(String key) {
        Label label = wrapped(Messages.get(key));
        label.getStyleClass().add("text-bold");
        return label;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        GridPane.setValignment(label, VPos.TOP);
        return label;
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
