package app.rebound.ui.kit;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import app.rebound.domain.Messages;

/** The few questions and warnings the program puts to the clinician. */
public final class Alerts {

    private Alerts() {
    }

    public static void error(Window owner, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(Messages.get("app.name"));
        alert.setHeaderText(Messages.get("error.title"));
        alert.getDialogPane().setId("errorAlert");
        Theme.apply(alert.getDialogPane());
        alert.showAndWait();
    }

    /** Says that something is done, with what the clinician needs to know about it. */
    public static void information(Window owner, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(Messages.get("app.name"));
        alert.setHeaderText(header);
        alert.getDialogPane().setId("informationAlert");
        Theme.apply(alert.getDialogPane());
        alert.show();
    }

    /** Asks whether to throw away what was typed; true to discard. */
    public static boolean confirmDiscard(Window owner, String questionKey) {
        ButtonType discard = new ButtonType(Messages.get("button.discard"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(Messages.get("button.keepEditing"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, Messages.get(questionKey), discard, keep);
        alert.initOwner(owner);
        alert.setTitle(Messages.get("app.name"));
        alert.setHeaderText(Messages.get("discard.header"));
        alert.getDialogPane().setId("discardAlert");
        Theme.apply(alert.getDialogPane());
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(discard)).setDefaultButton(false);
        return alert.showAndWait().orElse(keep) == discard;
    }

    /**
     * Asks to confirm an action that cannot be undone; Cancel is the default button, so Enter does not
     * confirm by accident. True to go ahead.
     */
    public static boolean confirm(Window owner, String header, String text, String goAhead) {
        ButtonType yes = new ButtonType(goAhead, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, text, yes, cancel);
        alert.initOwner(owner);
        alert.setTitle(Messages.get("app.name"));
        alert.setHeaderText(header);
        alert.getDialogPane().setId("confirmAlert");
        Theme.apply(alert.getDialogPane());
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        return alert.showAndWait().orElse(cancel) == yes;
    }
}
