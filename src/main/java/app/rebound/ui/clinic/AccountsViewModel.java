package app.rebound.ui.clinic;

import java.util.Map;
import java.util.UUID;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import app.rebound.domain.Clinician;
import app.rebound.domain.Messages;
import app.rebound.service.Services;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.RecoveryKeyPrinting;
import app.rebound.ui.kit.TaskRunner;

/**
 * Clinic → Clinicians and passwords… (administrators): everyone who signs in, with add, remove and
 * reset password. Every call to the accounts runs on the task runner; a refused field is marked under it.
 */
public final class AccountsViewModel {

    /** A small form (add a clinician, reset a password): its fields' errors, its line, whether it works or is done. */
    public static final class Form {
        private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
        private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
        private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working", false);
        private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done", false);

        public ObservableMap<String, String> errors() { return errors; }
        public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
        public ReadOnlyBooleanProperty workingProperty() { return working.getReadOnlyProperty(); }
        /** Becomes true when the form did what it was for; the view closes it. */
        public ReadOnlyBooleanProperty doneProperty() { return done.getReadOnlyProperty(); }

        /** Starts a new try: the errors of the last are cleared. */
        private boolean start(char[] password) {
            message.set("");
            if (password == null) {
                message.set(Messages.get("clinic.fixFields"));
                return false;
            }
            errors.clear();
            working.set(true);
            return true;
        }
    }

    private final Services services;
    private final TaskRunner tasks;
    private final TaskRunner printer;
    private final Dialogs dialogs;
    private final ObservableList<Clinician> clinicians = FXCollections.observableArrayList();
    private final ObjectProperty<Clinician> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper newRecoveryKey = new ReadOnlyStringWrapper(this, "newRecoveryKey");
    private final ReadOnlyStringWrapper printStatus = new ReadOnlyStringWrapper(this, "printStatus", "");

    public AccountsViewModel(Services services, TaskRunner tasks, TaskRunner printer, Dialogs dialogs) {
        this.services = services;
        this.tasks = tasks;
        this.printer = printer;
        this.dialogs = dialogs;
    }

    /** Reads the clinicians again and selects {@code select} (or keeps the selection). */
    public void reload(UUID select) {
        Clinician current = selected.get();
        UUID keep = select != null ? select : current == null ? null : current.id();
        busy.set(true);
        BackgroundTask.wrap(() -> services.accounts().clinicians())
                .onSuccess(list -> {
                    clinicians.setAll(list);
                    selected.set(list.stream().filter(c -> c.id().equals(keep)).findFirst().orElse(null));
                })
                .onFailure(failure -> status.set(ClinicFailures.explain("action.listClinicians", failure,
                        FXCollections.observableHashMap(), Map.of())))
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    // --- add ----------------------------------------------------------------------------------------

    /**
     * Adds a clinician with the password typed twice the same (null when it was not: the form marks why).
     */
    public void add(Form form, String username, String displayName, char[] password, boolean administrator) {
        if (!form.start(password)) {
            return;
        }
        BackgroundTask.wrap(() -> services.accounts().add(username, displayName, password, administrator))
                .onSuccess(added -> {
                    form.done.set(true);
                    status.set(Messages.format("accounts.added", added.username()));
                    reload(added.id());
                })
                .onFailure(failure -> form.message.set(ClinicFailures.explain("action.addClinician", failure,
                        form.errors, Map.of())))
                .onFinished(() -> form.working.set(false))
                .executeWith(tasks);
    }

    // --- remove -------------------------------------------------------------------------------------

    /** Removes the selected clinician after asking (removing oneself is refused by the accounts, in their words). */
    public void removeSelected() {
        Clinician gone = selected.get();
        if (gone == null) {
            status.set(Messages.get("accounts.selectFirst"));
            return;
        }
        boolean herself = gone.id().equals(services.accounts().current().id());
        if (!herself && !dialogs.confirm(Messages.format("accounts.remove.title", gone.username()),
                Messages.format("accounts.remove.text", gone.displayName()), Messages.get("accounts.remove.button"))) {
            return;
        }
        // a removal re-encrypts the database under a new key: seconds for a large clinic, on the worker
        status.set(Messages.format("accounts.removing", gone.username()));
        busy.set(true);
        BackgroundTask.wrap(() -> services.accounts().remove(gone.id()))
                .onSuccess(done -> {
                    status.set(Messages.format("accounts.removed", gone.username()));
                    reload(null);
                    done.newRecoveryKey().ifPresent(key -> {
                        printStatus.set("");
                        newRecoveryKey.set(key);
                    });
                })
                .onFailure(failure -> status.set(ClinicFailures.explain("action.removeClinician", failure,
                        FXCollections.observableHashMap(), Map.of())))
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    /** Prints the recovery key a removal made; the print dialog blocks, so on the printer's runner. */
    public void printNewRecoveryKey() {
        String key = newRecoveryKey.get();
        if (key != null) {
            RecoveryKeyPrinting.print(printer, services, key, printStatus::set, printStatus::set);
        }
    }

    // --- reset password -----------------------------------------------------------------------------

    /** Sets a new password for {@code who} (null when not typed twice the same). */
    public void resetPassword(Form form, Clinician who, char[] password) {
        if (!form.start(password)) {
            return;
        }
        BackgroundTask.wrap(() -> {
                    services.accounts().resetPassword(who.id(), password);
                    return who;
                })
                .onSuccess(done -> {
                    form.done.set(true);
                    status.set(Messages.format("accounts.reset.done", who.username()));
                })
                .onFailure(failure -> form.message.set(ClinicFailures.explain("action.resetPassword", failure,
                        form.errors, Map.of())))
                .onFinished(() -> form.working.set(false))
                .executeWith(tasks);
    }

    /** The clinician to reset, or null with the status saying to select one first. */
    public Clinician toReset() {
        Clinician who = selected.get();
        if (who == null) {
            status.set(Messages.get("accounts.selectFirst"));
        }
        return who;
    }

    public ObservableList<Clinician> clinicians() { return clinicians; }
    public ObjectProperty<Clinician> selectedProperty() { return selected; }
    public StringProperty statusProperty() { return status; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** The recovery key a removal made (shown once, to copy or print); null until one is made. */
    public ReadOnlyStringProperty newRecoveryKeyProperty() { return newRecoveryKey.getReadOnlyProperty(); }
    public ReadOnlyStringProperty printStatusProperty() { return printStatus.getReadOnlyProperty(); }
}
