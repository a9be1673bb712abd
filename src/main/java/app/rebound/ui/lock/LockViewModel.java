package app.rebound.ui.lock;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import app.rebound.domain.Messages;
import app.rebound.service.AccountService;
import app.rebound.service.SignInDelayedException;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.TaskRunner;

/**
 * The lock screen's logic: locked (after idle minutes or on request) until the signed-in clinician's
 * password is typed again. The password is checked on the task runner.
 */
public final class LockViewModel {

    private final AccountService accounts;
    private final TaskRunner tasks;
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked", false);
    private final ReadOnlyStringWrapper intro = new ReadOnlyStringWrapper(this, "intro", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    /** Counts the answers after which the password field should have the keyboard again. */
    private final ReadOnlyIntegerWrapper passwordFocus = new ReadOnlyIntegerWrapper(this, "passwordFocus", 0);

    public LockViewModel(AccountService accounts, TaskRunner tasks) {
        this.accounts = accounts;
        this.tasks = tasks;
    }

    /**
     * Locks, saying why ({@code afterIdle}: after {@code idleMinutes} without use; otherwise on request).
     *
     * @return false when it was locked already
     */
    public boolean lock(boolean afterIdle, int idleMinutes) {
        if (locked.get()) {
            return false;
        }
        String who = accounts.current().displayName();
        intro.set(afterIdle ? Messages.format("lock.intro", who, idleMinutes) : Messages.format("lock.introManual", who));
        password.set("");
        message.set("");
        locked.set(true);
        return true;
    }

    /** Checks the password typed (and clears it); the right one unlocks. */
    public void unlock() {
        char[] typed = password.get().toCharArray();
        password.set("");
        busy.set(true);
        BackgroundTask.wrap(() -> accounts.unlock(typed))
                .onSuccess(right -> {
                    if (right) {
                        locked.set(false);
                    } else {
                        message.set(Messages.get("lock.wrong"));
                        focusPassword();
                    }
                })
                .onError(SignInDelayedException.class, delayed -> {
                    message.set(Messages.format("access.delayed", delayed.seconds()));
                    focusPassword();
                })
                .onFailure(failure -> {
                    Failures.report("action.unlock", failure, message::set);
                    focusPassword();
                })
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    private void focusPassword() {
        passwordFocus.set(passwordFocus.get() + 1);
    }

    public boolean isLocked() {
        return locked.get();
    }

    public ReadOnlyBooleanProperty lockedProperty() { return locked.getReadOnlyProperty(); }
    public ReadOnlyStringProperty introProperty() { return intro.getReadOnlyProperty(); }
    public StringProperty passwordProperty() { return password; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** Changes each time the password field should take the keyboard back. */
    public ReadOnlyIntegerProperty passwordFocusProperty() { return passwordFocus.getReadOnlyProperty(); }
}
