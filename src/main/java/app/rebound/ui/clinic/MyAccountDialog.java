package app.rebound.ui.clinic;

import java.util.Map;

import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import app.rebound.domain.Clinician;
import app.rebound.domain.Messages;
import app.rebound.service.Services;
import app.rebound.service.WrongPasswordException;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.FormGrid;
import app.rebound.ui.kit.Worker;
import app.rebound.ui.kit.NewPassword;
import app.rebound.ui.kit.Em;

/**
 * Clinic → My account…: the name printed on her handouts and reports, and her password. A wrong
 * current password is said plainly and nothing typed is lost but that field. Key derivation and the
 * database run on the worker.
 */
public final class MyAccountDialog {

    private final Services services;
    private final Worker worker;
    private final Dialog<Void> dialog;
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final Label status = ClinicDialogs.status("myAccountMessage");
    private final WorkIndicator busy = new WorkIndicator();
    private final Label intro = new Label();
    private final TextField displayName = new TextField();
    private final PasswordField current = new PasswordField();
    private final NewPassword fresh;

    private MyAccountDialog(Window owner, Services services, Worker worker) {
        this.services = services;
        this.worker = worker;
        this.dialog = ClinicDialogs.dialog(owner, "myAccount.title", "myAccountDialog");
        Clinician me = services.accounts().current();
        intro.setText(Messages.format("myAccount.intro", me.displayName(), me.username()));
        intro.setWrapText(true);

        FormGrid form = new FormGrid(errors);
        form.heading("myAccount.nameHeading");
        displayName.setId("myDisplayName");
        displayName.setText(me.displayName());
        displayName.setOnAction(e -> saveName());
        form.add("myAccount.displayName", displayName, "displayName");
        Button saveName = new Button(Messages.get("myAccount.saveName"));
        saveName.setId("saveDisplayName");
        saveName.setMnemonicParsing(true);
        saveName.setOnAction(e -> saveName());
        saveName.disableProperty().bind(busy.visibleProperty());
        form.span(saveName);

        form.heading("myAccount.passwordHeading");
        current.setId("currentPassword");
        form.add("myAccount.currentPassword", current, "currentPassword");
        fresh = new NewPassword(form, errors, "myAccount.newPassword", "newPassword", "newPasswordAgain",
                new SimpleStringProperty(me.username()));
        Button change = new Button(Messages.get("myAccount.changePassword"));
        change.setId("changePassword");
        change.setMnemonicParsing(true);
        change.setOnAction(e -> changePassword());
        change.disableProperty().bind(busy.visibleProperty());
        for (PasswordField field : new PasswordField[] {current, fresh.field(), fresh.again()}) {
            field.setOnAction(e -> changePassword());
        }
        form.span(change);

        HBox statusRow = new HBox(10, busy, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(14, intro, form, statusRow);
        content.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().prefWidthProperty().bind(Em.px(620));
        dialog.setOnShown(e -> Platform.runLater(displayName::requestFocus));
    }

    public static void open(Window owner, Services services, Worker worker) {
        new MyAccountDialog(owner, services, worker).dialog.show();
    }

    private void saveName() {
        if (busy.isVisible()) {
            return;
        }
        errors.clear();
        String name = displayName.getText();
        Clinician me = services.accounts().current();
        start();
        BackgroundTask.wrap(() -> services.accounts().rename(me.id(), name))
                .onSuccess(renamed -> {
                    displayName.setText(renamed.displayName());
                    intro.setText(Messages.format("myAccount.intro", renamed.displayName(), renamed.username()));
                    status.setText(Messages.format("myAccount.nameSaved", renamed.displayName()));
                })
                .onFailure(failure -> {
                    status.setText(ClinicDialogs.explain("action.changeName", failure, errors, Map.of()));
                    displayName.requestFocus();
                })
                .onFinished(busy::end)
                .executeWith(worker);
    }

    private void changePassword() {
        if (busy.isVisible()) {
            return;
        }
        errors.clear();
        if (current.getText().isEmpty()) {
            errors.put("currentPassword", Messages.get("access.password.missing"));
            status.setText(Messages.get("clinic.fixFields"));
            current.requestFocus();
            return;
        }
        if (!fresh.typedTwice()) {
            status.setText(Messages.get("clinic.fixFields"));
            return;
        }
        char[] was = current.getText().toCharArray();
        char[] now = fresh.typed();
        start();
        BackgroundTask.wrap(() -> {
            services.accounts().changePassword(was, now);
            return true;
        })
                .onSuccess(done -> {
                    current.clear();
                    fresh.clear();
                    status.setText(Messages.get("myAccount.passwordChanged"));
                })
                .onFailure(failure -> {
                    if (failure instanceof WrongPasswordException) {
                        // only the wrong one is cleared: the new password typed twice stays
                        errors.put("currentPassword", Messages.get("myAccount.wrongCurrent"));
                        current.clear();
                        current.requestFocus();
                    } else {
                        status.setText(ClinicDialogs.explain("action.changePassword", failure, errors, Map.of()));
                        fresh.field().requestFocus();
                    }
                })
                .onFinished(busy::end)
                .executeWith(worker);
    }

    private void start() {
        status.setText("");
        busy.begin();
    }
}
