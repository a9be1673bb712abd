package app.rebound.ui.clinic;

import java.awt.print.PrinterException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
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
import app.rebound.ui.kit.Alerts;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.FormGrid;
import app.rebound.ui.kit.Worker;
import app.rebound.ui.kit.NewPassword;
import app.rebound.service.ClinicAccess;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.Em;

/**
 * Clinic → Clinicians and passwords… (administrators): everyone who signs in, with Add, Remove and
 * Reset password. Every call to the accounts runs on the worker; a refused field is marked under it.
 */
public final class AccountsDialog {

    private final Services services;
    private final Worker worker;
    private final Dialog<Void> dialog;
    private final TableView<Clinician> table = new TableView<>();
    private final Label status = ClinicDialogs.status("accountsMessage");
    private final WorkIndicator busy = new WorkIndicator();

    private AccountsDialog(Window owner, Services services, Worker worker) {
        this.services = services;
        this.worker = worker;
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

        Button add = new Button(Messages.get("accounts.add"), new FontIcon(Material2MZ.PERSON_ADD));
        add.setId("addClinician");
        add.setOnAction(e -> showAdd());
        Button remove = new Button(Messages.get("accounts.remove"), new FontIcon(Material2MZ.PERSON_REMOVE));
        remove.setId("removeClinician");
        remove.setOnAction(e -> removeSelected());
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
        AccountsDialog accounts = new AccountsDialog(owner, services, worker);
        accounts.dialog.show();
        accounts.reload(null);
    }

    private static TableColumn<Clinician, String> column(String titleKey,
            Function<Clinician, String> value) {
        TableColumn<Clinician, String> column = new TableColumn<>(Messages.get(titleKey));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private Window window() {
        return dialog.getDialogPane().getScene().getWindow();
    }

    /** Reads the clinicians again and selects {@code select} (or keeps the selection). */
    private void reload(UUID select) {
        Clinician selected = table.getSelectionModel().getSelectedItem();
        UUID keep = select != null ? select : selected == null ? null : selected.id();
        busy.begin();
        BackgroundTask.wrap(() -> services.accounts().clinicians())
                .onSuccess(clinicians -> {
                    table.getItems().setAll(clinicians);
                    clinicians.stream().filter(c -> c.id().equals(keep)).findFirst()
                            .ifPresentOrElse(c -> table.getSelectionModel().select(c),
                                    () -> table.getSelectionModel().clearSelection());
                })
                .onFailure(failure -> status.setText(ClinicDialogs.explain("action.listClinicians", failure,
                        FXCollections.observableHashMap(), Map.of())))
                .onFinished(busy::end)
                .executeWith(worker);
    }

    // --- add ----------------------------------------------------------------------------------------

    private void showAdd() {
        ClinicDialogs.FormDialog add = ClinicDialogs.form(window(), Messages.get("accounts.add.title"),
                "addClinicianDialog", "accounts.add.button");
        ObservableMap<String, String> errors = FXCollections.observableHashMap();
        FormGrid form = new FormGrid(errors);
        TextField user = new TextField();
        user.setId("newUsername");
        form.add("access.username.new", user, "username");
        TextField display = new TextField();
        display.setId("newDisplayName");
        form.add("access.displayName", display, "displayName");
        NewPassword password = new NewPassword(form, errors, "access.password.new", "newClinicianPassword",
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
        add.action().disableProperty().bind(working.visibleProperty());
        add.action().addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            errors.clear();
            message.setText("");
            if (!password.typedTwice()) {
                message.setText(Messages.get("clinic.fixFields"));
                return;
            }
            String username = user.getText();
            String displayName = display.getText();
            char[] secret = password.typed();
            boolean admin = administrator.isSelected();
            working.begin();
            BackgroundTask.wrap(() -> services.accounts().add(username, displayName, secret, admin))
                    .onSuccess(added -> {
                        add.dialog().close();
                        status.setText(Messages.format("accounts.added", added.username()));
                        reload(added.id());
                    })
                    .onFailure(failure -> message.setText(ClinicDialogs.explain("action.addClinician", failure,
                            errors, Map.of())))
                    .onFinished(working::end)
                    .executeWith(worker);
        });
        add.dialog().setOnShown(e -> Platform.runLater(user::requestFocus));
        add.dialog().show();
    }

    // --- remove -------------------------------------------------------------------------------------

    private void removeSelected() {
        Clinician gone = table.getSelectionModel().getSelectedItem();
        if (gone == null) {
            status.setText(Messages.get("accounts.selectFirst"));
            return;
        }
        boolean herself = gone.id().equals(services.accounts().current().id());
        // removing yourself is refused by the accounts themselves, in their words; nothing to confirm
        if (!herself && !Alerts.confirm(window(), Messages.format("accounts.remove.title", gone.username()),
                Messages.format("accounts.remove.text", gone.displayName()), Messages.get("accounts.remove.button"))) {
            return;
        }
        // a removal re-encrypts the database under a new key: seconds for a large clinic, on the worker
        status.setText(Messages.format("accounts.removing", gone.username()));
        busy.begin();
        BackgroundTask.wrap(() -> services.accounts().remove(gone.id()))
                .onSuccess(done -> {
                    status.setText(Messages.format("accounts.removed", gone.username()));
                    reload(null);
                    done.newRecoveryKey().ifPresent(this::showNewRecoveryKey);
                })
                .onFailure(failure -> status.setText(ClinicDialogs.explain("action.removeClinician", failure,
                        FXCollections.observableHashMap(), Map.of())))
                .onFinished(busy::end)
                .executeWith(worker);
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
        Button print = new Button(Messages.get("access.recovery.print"));
        print.setId("printNewRecoveryKey");
        print.setOnAction(e -> {
            // the print dialog blocks: a thread of its own, never the JavaFX thread or the worker
            Thread printing = new Thread(() -> {
                String said;
                try {
                    said = Messages.get(ClinicAccess.printRecoveryKey(services, recoveryKey,
                            Locale.getDefault(), Clock.systemDefaultZone())
                                    ? "access.recovery.printed" : "access.recovery.notPrinted");
                } catch (PrinterException | RuntimeException failure) {
                    Failures.log(Messages.get("action.printRecoveryKey"), failure);
                    said = Messages.get("access.recovery.printFailed");
                }
                String message = said;
                Platform.runLater(() -> printStatus.setText(message));
            }, "rebound-print");
            printing.setDaemon(true);
            printing.start();
        });
        VBox content = new VBox(12, intro, key, new HBox(10, print, printStatus));
        content.setPadding(new Insets(8));
        shown.getDialogPane().setContent(content);
        shown.getDialogPane().prefWidthProperty().bind(Em.px(560));
        shown.show();
    }

    // --- reset password -----------------------------------------------------------------------------

    private void showReset() {
        Clinician who = table.getSelectionModel().getSelectedItem();
        if (who == null) {
            status.setText(Messages.get("accounts.selectFirst"));
            return;
        }
        ClinicDialogs.FormDialog reset = ClinicDialogs.form(window(),
                Messages.format("accounts.reset.title", who.username()), "resetPasswordDialog", "accounts.reset.button");
        ObservableMap<String, String> errors = FXCollections.observableHashMap();
        FormGrid form = new FormGrid(errors);
        NewPassword password = new NewPassword(form, errors, "access.password.new", "resetPasswordNew",
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
        reset.action().disableProperty().bind(working.visibleProperty());
        reset.action().addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            errors.clear();
            message.setText("");
            if (!password.typedTwice()) {
                message.setText(Messages.get("clinic.fixFields"));
                return;
            }
            char[] secret = password.typed();
            working.begin();
            BackgroundTask.wrap(() -> {
                services.accounts().resetPassword(who.id(), secret);
                return who;
            })
                    .onSuccess(done -> {
                        reset.dialog().close();
                        status.setText(Messages.format("accounts.reset.done", who.username()));
                    })
                    .onFailure(failure -> message.setText(ClinicDialogs.explain("action.resetPassword", failure,
                            errors, Map.of())))
                    .onFinished(working::end)
                    .executeWith(worker);
        });
        reset.dialog().setOnShown(e -> Platform.runLater(password.field()::requestFocus));
        reset.dialog().show();
    }
}
