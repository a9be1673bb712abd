package app.rebound.ui.clinic;

import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import app.rebound.domain.Messages;
import app.rebound.service.Services;
import app.rebound.ui.kit.FormGrid;
import app.rebound.ui.kit.NewPassword;
import app.rebound.ui.kit.Worker;
import app.rebound.ui.kit.Em;

/**
 * Clinic → My account…: the name printed on her handouts and reports, and her password. A wrong
 * current password is said plainly and nothing typed is lost but that field. The logic is
 * {@link MyAccountViewModel}'s.
 */
public final class MyAccountDialog {

    private final MyAccountViewModel model;
    private final Dialog<Void> dialog;
    private final Label status = ClinicDialogs.status("myAccountMessage");
    private final WorkIndicator busy = new WorkIndicator();
    private final Label intro = new Label();
    private final TextField displayName = new TextField();
    private final PasswordField current = new PasswordField();
    private final NewPassword fresh;

    private MyAccountDialog(Window owner, MyAccountViewModel model) {
        this.model = model;
        this.dialog = ClinicDialogs.dialog(owner, "myAccount.title", "myAccountDialog");
        intro.textProperty().bind(model.introProperty());
        intro.setWrapText(true);

        FormGrid form = new FormGrid(model.errors());
        form.heading("myAccount.nameHeading");
        displayName.setId("myDisplayName");
        displayName.textProperty().bindBidirectional(model.displayNameProperty());
        displayName.setOnAction(e -> model.saveName());
        form.add("myAccount.displayName", displayName, "displayName");
        Button saveName = new Button(Messages.get("myAccount.saveName"));
        saveName.setId("saveDisplayName");
        saveName.setMnemonicParsing(true);
        saveName.setOnAction(e -> model.saveName());
        saveName.disableProperty().bind(busy.visibleProperty());
        form.span(saveName);

        form.heading("myAccount.passwordHeading");
        current.setId("currentPassword");
        current.textProperty().bindBidirectional(model.currentPasswordProperty());
        form.add("myAccount.currentPassword", current, "currentPassword");
        fresh = new NewPassword(form, model.errors(), "myAccount.newPassword", "newPassword", "newPasswordAgain",
                new SimpleStringProperty(model.username()));
        Button change = new Button(Messages.get("myAccount.changePassword"));
        change.setId("changePassword");
        change.setMnemonicParsing(true);
        change.setOnAction(e -> changePassword());
        change.disableProperty().bind(busy.visibleProperty());
        for (PasswordField field : new PasswordField[] {current, fresh.field(), fresh.again()}) {
            field.setOnAction(e -> changePassword());
        }
        form.span(change);

        status.textProperty().bind(model.statusProperty());
        busy.follow(model.busyProperty());
        model.passwordsChangedProperty().addListener((obs, was, now) -> fresh.clear());
        model.focusProperty().addListener((obs, was, field) -> {
            Node target = field == null ? null : switch (field) {
                case DISPLAY_NAME -> displayName;
                case CURRENT_PASSWORD -> current;
                case NEW_PASSWORD -> fresh.field();
            };
            if (target != null) {
                target.requestFocus();
            }
        });

        HBox statusRow = new HBox(10, busy, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(14, intro, form, statusRow);
        content.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().prefWidthProperty().bind(Em.px(620));
        dialog.setOnShown(e -> Platform.runLater(displayName::requestFocus));
    }

    public static void open(Window owner, Services services, Worker worker) {
        new MyAccountDialog(owner, new MyAccountViewModel(services.accounts(), worker)).dialog.show();
    }

    private void changePassword() {
        model.changePassword(() -> fresh.typedTwice() ? fresh.typed() : null);
    }
}
