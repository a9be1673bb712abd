package app.rebound.ui.clinic;

import java.util.Map;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import app.rebound.domain.Clinician;
import app.rebound.domain.Messages;
import app.rebound.service.AccountService;
import app.rebound.service.WrongPasswordException;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.TaskRunner;

/**
 * Clinic → My account…: the signed-in clinician's name and password. A wrong current password is said
 * plainly and nothing typed is lost but that field. Key derivation and the database run on the runner.
 */
public final class MyAccountViewModel {

    /** The field that should have the keyboard after an answer. */
    public enum Field { DISPLAY_NAME, CURRENT_PASSWORD, NEW_PASSWORD }

    private final AccountService accounts;
    private final TaskRunner tasks;
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper intro = new ReadOnlyStringWrapper(this, "intro", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final StringProperty currentPassword = new SimpleStringProperty(this, "currentPassword", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyObjectWrapper<Field> focus = new ReadOnlyObjectWrapper<>(this, "focus");
    private final ReadOnlyIntegerWrapper passwordsChanged = new ReadOnlyIntegerWrapper(this, "passwordsChanged", 0);

    public MyAccountViewModel(AccountService accounts, TaskRunner tasks) {
        this.accounts = accounts;
        this.tasks = tasks;
        Clinician me = accounts.current();
        show(me);
    }

    private void show(Clinician me) {
        displayName.set(me.displayName());
        intro.set(Messages.format("myAccount.intro", me.displayName(), me.username()));
    }

    public String username() {
        return accounts.current().username();
    }

    public void saveName() {
        if (busy.get()) {
            return;
        }
        errors.clear();
        String name = displayName.get();
        Clinician me = accounts.current();
        start();
        BackgroundTask.wrap(() -> accounts.rename(me.id(), name))
                .onSuccess(renamed -> {
                    show(renamed);
                    status.set(Messages.format("myAccount.nameSaved", renamed.displayName()));
                })
                .onFailure(failure -> {
                    status.set(ClinicFailures.explain("action.changeName", failure, errors, Map.of()));
                    focus(Field.DISPLAY_NAME);
                })
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    /**
     * Changes the password to the new one, asked of {@code newPassword} once the current one is there
     * (it gives null when the new one was not typed twice the same, and marks why).
     */
    public void changePassword(Supplier<char[]> newPassword) {
        if (busy.get()) {
            return;
        }
        errors.clear();
        if (currentPassword.get().isEmpty()) {
            errors.put("currentPassword", Messages.get("access.password.missing"));
            status.set(Messages.get("clinic.fixFields"));
            focus(Field.CURRENT_PASSWORD);
            return;
        }
        char[] now = newPassword.get();
        if (now == null) {
            status.set(Messages.get("clinic.fixFields"));
            return;
        }
        char[] was = currentPassword.get().toCharArray();
        start();
        BackgroundTask.wrap(() -> {
                    accounts.changePassword(was, now);
                    return true;
                })
                .onSuccess(done -> {
                    currentPassword.set("");
                    passwordsChanged.set(passwordsChanged.get() + 1);
                    status.set(Messages.get("myAccount.passwordChanged"));
                })
                .onError(WrongPasswordException.class, wrong -> {
                    // only the wrong one is cleared: the new password typed twice stays
                    errors.put("currentPassword", Messages.get("myAccount.wrongCurrent"));
                    currentPassword.set("");
                    focus(Field.CURRENT_PASSWORD);
                })
                .onFailure(failure -> {
                    status.set(ClinicFailures.explain("action.changePassword", failure, errors, Map.of()));
                    focus(Field.NEW_PASSWORD);
                })
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    private void start() {
        status.set("");
        busy.set(true);
    }

    private void focus(Field field) {
        focus.set(null);
        focus.set(field);
    }

    public ObservableMap<String, String> errors() { return errors; }
    public ReadOnlyStringProperty introProperty() { return intro.getReadOnlyProperty(); }
    public StringProperty displayNameProperty() { return displayName; }
    public StringProperty currentPasswordProperty() { return currentPassword; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Field> focusProperty() { return focus.getReadOnlyProperty(); }
    /** Counts the changes made: the view clears the new password's fields at each. */
    public ReadOnlyIntegerProperty passwordsChangedProperty() { return passwordsChanged.getReadOnlyProperty(); }
}
