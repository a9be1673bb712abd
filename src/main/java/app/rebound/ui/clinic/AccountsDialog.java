package app.rebound.ui.clinic;

import java.util.List;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import app.rebound.domain.Clinician;
import app.rebound.domain.Messages;
import app.rebound.service.Services;
import app.rebound.ui.kit.FormGrid;
import app.rebound.ui.kit.FxDialogs;
import app.rebound.ui.kit.FxTaskRunner;
import app.rebound.ui.kit.NewPassword;
import app.rebound.ui.kit.Worker;
import app.rebound.service.ClinicAccess;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.Em;

/**
 * Clinic → Clinicians and passwords… (administrators): the window of {@link AccountsViewModel}, with
 * the add and reset forms and the recovery key a removal makes.
 */
public final class AccountsDialog {

    private final AccountsViewModel model;
    private final Dialog<Void> dialog;
    private final TableView<Clinician> table = new TableView<>();
    private final Label status = ClinicDialogs.status("accountsMessage");
    private final WorkIndicator busy = new WorkIndicator();

    private AccountsDialog(Window owner, AccountsViewModel model) {
        this.model = model;
        this.dialog = ClinicDialogs.dialog(owner, "accounts.title", "accountsDialog");

        Label intro = new Label(Messages.get("accounts.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("form-help");

        table.setId("cliniciansTable");
        TableColumn<Clinician, String> name = column("accounts.column.name", Clinician::displayName);
        TableColumn<Clinician, String> user = column("accounts.column.username", Clinician::username);
        TableColumn<Clinician, String> admin = column("accounts.column.administrator",
                c -> Messages.get(c.administrator() ? "accounts.yes" : "accounts.no"));
        name.prefWidthProperty().bind(Em.px(240));
        user.prefWidthProperty().bind(Em.px(160));
        admin.prefWidthProperty().bind(Em.px(120));
        table.getColumns().setAll(List.of(name, user, admin));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("accounts.loading")));
        table.prefHeightProperty().bind(Em.px(260));
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setItems(model.clinicians());
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(now);
            }
        });
        status.textProperty().bind(model.statusProperty());
        busy.follow(model.busyProperty());
        model.newRecoveryKeyProperty().addListener((obs, was, key) -> {
            if (key != null) {
                showNewRecoveryKey(key);
            }
        });

        Button add = new Button(Messages.get("accounts.add"), new FontIcon(Material2MZ.PERSON_ADD));
        add.setId("addClinician");
        add.setOnAction(e -> showAdd());
        Button remove = new Button(Messages.get("accounts.remove"), new FontIcon(Material2MZ.PERSON_REMOVE));
        remove.setId("removeClinician");
        remove.setOnAction(e -> model.removeSelected());
        Button reset = new Button(Messages.get("accounts.reset"), new FontIcon(Material2AL.LOCK_OPEN));
        reset.setId("resetPassword");
        reset.setOnAction(e -> showReset());
        for (Button button : new Button[] {add, remove, reset}) {
            button.setMnemonicParsing(true);
            button.disableProperty().bind(busy.visibleProperty());
        }
        remove.disableProperty().unbind();
        remove.disableProperty().bind(busy.visibleProperty().or(table.getSelectionModel().selectedItemProperty().isNull()));
        reset.disableProperty().unbind();
        reset.disableProperty().bind(busy.visibleProperty().or(table.getSelectionModel().selectedItemProperty().isNull()));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox buttons = new HBox(10, add, reset, remove, spring, busy);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(12, intro, table, buttons, status);
        content.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().prefWidthProperty().bind(Em.px(640));
        dialog.setOnShown(e -> Platform.runLater(table::requestFocus));
    }

    public static void open(Window owner, Services services, Worker worker) {
        // the print dialog blocks: a thread of its own, never the JavaFX thread or the worker
        AccountsViewModel model = new AccountsViewModel(services, worker, FxTaskRunner.threadPerTask("rebound-print"),
                new FxDialogs(owner));
        AccountsDialog accounts = new AccountsDialog(owner, model);
        accounts.dialog.show();
        model.reload(null);
    }

    private static TableColumn<Clinician, String> column(String titleKey, Function<Clinician, String> value) {
        TableColumn<Clinician, String> column = new TableColumn<>(Messages.get(titleKey));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private Window window() {
        return dialog.getDialogPane().getScene().getWindow();
    }

    /** Shows the form's line, its work indicator, and closes it once done. */
    private static void follow(AccountsViewModel.Form form, ClinicDialogs.FormDialog shown, Label message,
            WorkIndicator working) {
        message.textProperty().bind(form.messageProperty());
        working.follow(form.workingProperty());
        form.doneProperty().addListener((obs, was, now) -> {
            if (now) {
                shown.dialog().close();
            }
        });
        shown.action().disableProperty().bind(working.visibleProperty());
    }

    // --- add ----------------------------------------------------------------------------------------

    private void showAdd() {
        ClinicDialogs.FormDialog add = ClinicDialogs.form(window(), Messages.get("accounts.add.title"),
                "addClinicianDialog", "accounts.add.button");
        AccountsViewModel.Form state = new AccountsViewModel.Form();
        FormGrid form = new FormGrid(state.errors());
        TextField user = new TextField();
        user.setId("newUsername");
        form.add("access.username.new", user, "username");
        TextField display = new TextField();
        display.setId("newDisplayName");
        form.add("access.displayName", display, "displayName");
        NewPassword password = new NewPassword(form, state.errors(), "access.password.new", "newClinicianPassword",
                "newClinicianPasswordAgain", user.textProperty(), display.textProperty());
        CheckBox administrator = new CheckBox(Messages.get("accounts.administrator"));
        administrator.setId("newAdministrator");
        administrator.setWrapText(true);
        form.span(administrator);
        Label intro = new Label(Messages.get("accounts.add.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("form-help");
        Label message = ClinicDialogs.status("addClinicianMessage");
        WorkIndicator working = new WorkIndicator();
        HBox statusRow = new HBox(10, working, message);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(12, intro, form, statusRow);
        content.setPadding(new Insets(8));
        add.dialog().getDialogPane().setContent(content);
        add.dialog().getDialogPane().prefWidthProperty().bind(Em.px(600));
        follow(state, add, message, working);
        add.action().addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            state.errors().clear();
            model.add(state, user.getText(), display.getText(), password.typedTwice() ? password.typed() : null,
                    administrator.isSelected());
        });
        add.dialog().setOnShown(e -> Platform.runLater(user::requestFocus));
        add.dialog().show();
    }

    /**
     * The recovery key made by a removal (the old one was from before key pairs and could not be given the
     * new database key): shown once, to copy or print.
     */
    private void showNewRecoveryKey(String recoveryKey) {
        Dialog<Void> shown = ClinicDialogs.dialog(window(), "accounts.newRecoveryKey.title", "newRecoveryKeyDialog");
        Label intro = new Label(Messages.get("accounts.newRecoveryKey.intro"));
        intro.setWrapText(true);
        TextField key = new TextField(recoveryKey);
        key.setId("newRecoveryKey");
        key.setEditable(false);
        key.setStyle("-fx-font-family: 'DejaVu Sans Mono', monospace; -fx-font-size: 18px; -fx-font-weight: bold;");
        Label printStatus = ClinicDialogs.status("newRecoveryKeyMessage");
        printStatus.textProperty().bind(model.printStatusProperty());
        Button print = new Button(Messages.get("access.recovery.print"));
        print.setId("printNewRecoveryKey");
        print.setOnAction(e -> model.printNewRecoveryKey());
        VBox content = new VBox(12, intro, key, new HBox(10, print, printStatus));
        content.setPadding(new Insets(8));
        shown.getDialogPane().setContent(content);
        shown.getDialogPane().prefWidthProperty().bind(Em.px(560));
        shown.show();
    }

    // --- reset password -----------------------------------------------------------------------------

    private void showReset() {
        Clinician who = model.toReset();
        if (who == null) {
            return;
        }
        ClinicDialogs.FormDialog reset = ClinicDialogs.form(window(),
                Messages.format("accounts.reset.title", who.username()), "resetPasswordDialog", "accounts.reset.button");
        AccountsViewModel.Form state = new AccountsViewModel.Form();
        FormGrid form = new FormGrid(state.errors());
        NewPassword password = new NewPassword(form, state.errors(), "access.password.new", "resetPasswordNew",
                "resetPasswordAgain", new SimpleStringProperty(who.username()));
        Label intro = new Label(Messages.format("accounts.reset.intro", who.displayName()));
        intro.setWrapText(true);
        intro.getStyleClass().add("form-help");
        Label message = ClinicDialogs.status("resetPasswordMessage");
        WorkIndicator working = new WorkIndicator();
        HBox statusRow = new HBox(10, working, message);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(12, intro, form, statusRow);
        content.setPadding(new Insets(8));
        reset.dialog().getDialogPane().setContent(content);
        reset.dialog().getDialogPane().prefWidthProperty().bind(Em.px(560));
        follow(state, reset, message, working);
        reset.action().addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            state.errors().clear();
            model.resetPassword(state, who, password.typedTwice() ? password.typed() : null);
        });
        reset.dialog().setOnShown(e -> Platform.runLater(password.field()::requestFocus));
        reset.dialog().show();
    }
}
