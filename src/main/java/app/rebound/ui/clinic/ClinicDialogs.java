package app.rebound.ui.clinic;


import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.Window;

import app.rebound.domain.Messages;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.service.NotAllowedException;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.Theme;

/** What the clinic's account and audit dialogs share: the look, the status line, and how failures read. */
final class ClinicDialogs {

    private ClinicDialogs() {
    }

    /** A themed dialog with one Close button (Esc closes it too); its pane has {@code id} for tests. */
    static <R> Dialog<R> dialog(Window owner, String titleKey, String id) {
        Dialog<R> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get(titleKey));
        dialog.setHeaderText(null);
        dialog.setResizable(true);
        dialog.getDialogPane().setId(id);
        Theme.apply(dialog.getDialogPane());
        ButtonType close = new ButtonType(Messages.get("button.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().add(close);
        Button closeButton = (Button) dialog.getDialogPane().lookupButton(close);
        closeButton.setId(id + "-close");
        closeButton.setDefaultButton(false);
        dialog.setResultConverter(button -> null);
        return dialog;
    }

    /** A small form dialog: Cancel, and the action's button (the default, so Enter does it). */
    static FormDialog form(Window owner, String title, String id, String actionKey) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.getDialogPane().setId(id);
        Theme.apply(dialog.getDialogPane());
        ButtonType action = new ButtonType(Messages.get(actionKey), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(action, ButtonType.CANCEL);
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setText(Messages.get("button.cancel"));
        Button go = (Button) dialog.getDialogPane().lookupButton(action);
        go.setId(id + "-ok");
        go.setDefaultButton(true);
        dialog.setResultConverter(button -> null);
        return new FormDialog(dialog, go);
    }

    /** A form dialog and its action button, whose press the caller handles (and closes the dialog when done). */
    record FormDialog(Dialog<Void> dialog, Button action) {
    }

    /** The line under a form that says what happened: wraps, and is read out by screen readers. */
    static Label status(String id) {
        Label status = new Label();
        status.setId(id);
        status.setWrapText(true);
        status.getStyleClass().add("access-message");
        status.setMaxWidth(Double.MAX_VALUE);
        return status;
    }
}
