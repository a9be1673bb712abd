package app.rebound.ui.access;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;

import app.rebound.domain.Messages;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.service.ClinicAccess;
import app.rebound.service.RecordsUnavailableException;
import app.rebound.service.ServerChoice;
import app.rebound.service.ServerProblemException;
import app.rebound.service.Services;
import app.rebound.service.SignInDelayedException;
import app.rebound.service.WrongPasswordException;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.RecoveryKeyPrinting;
import app.rebound.ui.kit.TaskRunner;

/**
 * The first screen's logic: set-up of a new clinic (or of records made before encryption), sign-in,
 * the recovery key shown once, and signing in with it; or, for a clinic whose records are on its server,
 * the choice of that server (kept in the data folder, without any password) and signing in there. Key derivation and opening the records run on
 * the task runner; printing the key, which blocks in the print dialog, on a runner of its own.
 */
public final class AccessViewModel {

    /** What the screen hands on once a clinician is in. */
    public interface Host {
        void signedIn(Services services);

        /** The records could not be opened (damaged, missing): the host offers a backup. */
        void cannotOpen(RecordsUnavailableException failure);
    }

    /** Which form the screen shows. */
    public enum Screen { SIGN_IN, SET_UP, KEY_FILE_MISSING, RECOVERY_KEY, RECOVERY, SERVER, SERVER_SIGN_IN }

    /** The field that should have the keyboard after an answer. */
    public enum Field { USERNAME, PASSWORD, RECOVERY_KEY }

    private final Path folder;
    private final ClinicAccess access;
    private final TaskRunner tasks;
    private final TaskRunner printer;
    private final Host host;
    /** The clinic's server signed in to, or null for the records of the data folder. */
    private ServerChoice server;
    /** Whether the screen may change the server (not when --database or REBOUND_DATABASE names it). */
    private final boolean serverChangeable;
    private final ReadOnlyStringWrapper serverName = new ReadOnlyStringWrapper(this, "serverName", "");
    private final StringProperty serverHost = new SimpleStringProperty(this, "serverHost", "");
    private final StringProperty serverPort = new SimpleStringProperty(this, "serverPort", "");
    private final StringProperty serverDatabase = new SimpleStringProperty(this, "serverDatabase", "");

    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(this, "screen");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(this, "problem", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyObjectWrapper<Field> focus = new ReadOnlyObjectWrapper<>(this, "focus");
    private boolean encrypting;

    // sign-in, and the user name of the recovery
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    // set-up
    private final StringProperty clinicName = new SimpleStringProperty(this, "clinicName", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    // the recovery key shown once, and the one typed to recover
    private final ReadOnlyStringWrapper recoveryKey = new ReadOnlyStringWrapper(this, "recoveryKey", "");
    private final BooleanProperty keyKept = new SimpleBooleanProperty(this, "keyKept", false);
    private final StringProperty recoveryKeyTyped = new SimpleStringProperty(this, "recoveryKeyTyped", "");
    private Services setUpServices;

    public AccessViewModel(Path folder, ClinicAccess access, TaskRunner tasks, TaskRunner printer, Host host) {
        this(folder, null, true, access, tasks, printer, host);
    }

    /**
     * @param server           the clinic's server to sign in to, or null for the records of the data folder
     * @param serverChangeable whether she may choose another server or this computer's records here (not when
     *                         the server was given by {@code --database} or {@code REBOUND_DATABASE})
     */
    public AccessViewModel(Path folder, ServerChoice server, boolean serverChangeable, ClinicAccess access,
            TaskRunner tasks, TaskRunner printer, Host host) {
        this.folder = folder;
        this.server = server;
        this.serverChangeable = serverChangeable;
        this.serverName.set(server == null ? "" : server.toString());
        this.access = access;
        this.tasks = tasks;
        this.printer = printer;
        this.host = host;
        // a field's message goes as she types in it, not only at the next press of the button
        clearWhenEdited(username, "username");
        clearWhenEdited(clinicName, "clinicName");
        clearWhenEdited(displayName, "displayName");
        clearWhenEdited(recoveryKeyTyped, "recoveryKey");
        clearWhenEdited(serverHost, "serverHost");
        clearWhenEdited(serverPort, "serverPort");
        clearWhenEdited(serverDatabase, "serverDatabase");
        errors.addListener((MapChangeListener<String, String>) change -> {
            if (errors.isEmpty() && problem.get() && message.get().equals(Messages.get("access.fixFields"))) {
                tell("");
            }
        });
        if (server != null) {
            showSignIn();
        } else {
            showThisComputer();
        }
    }

    /** The form for the records of the data folder: sign-in, set-up, or the key file missing. */
    private void showThisComputer() {
        switch (ClinicAccess.state(folder)) {
            case READY -> showSignIn();
            case KEY_FILE_MISSING -> show(Screen.KEY_FILE_MISSING);
            default -> showSetUp();
        }
    }

    private void show(Screen next) {
        errors.clear();
        tell("");
        screen.set(next);
    }

    // --- sign-in --------------------------------------------------------------------------------

    public void showSignIn() {
        clearTyped();
        show(server != null ? Screen.SERVER_SIGN_IN : Screen.SIGN_IN);
    }

    /** Each form starts empty, as a new form would. */
    private void clearTyped() {
        username.set("");
        password.set("");
        recoveryKeyTyped.set("");
    }

    public void signIn() {
        if (username.get().isBlank()) {
            say(Messages.get("access.username.missing"));
            focus(Field.USERNAME);
            return;
        }
        if (password.get().isEmpty()) {
            say(Messages.get("access.password.missing"));
            focus(Field.PASSWORD);
            return;
        }
        String name = username.get();
        char[] secret = password.get().toCharArray();
        ServerChoice on = server;
        open(() -> on != null ? access.signInOnServer(on, name, secret) : access.signIn(folder, name, secret), () -> {
            password.set("");
            focus(Field.PASSWORD);
        });
    }

    // --- the clinic's server ----------------------------------------------------------------------

    /** Whether she may choose the server here (not when --database or REBOUND_DATABASE names it). */
    public boolean serverChangeable() {
        return serverChangeable;
    }

    /** The form for the clinic's server: host, port and database, filled with the server chosen before. */
    public void showServerForm() {
        if (!serverChangeable) {
            return;
        }
        serverHost.set(server == null ? "" : server.host());
        serverPort.set(String.valueOf(server == null ? ServerChoice.DEFAULT_PORT : server.port()));
        serverDatabase.set(server == null ? "" : server.database());
        show(Screen.SERVER);
    }

    /**
     * Takes the server typed in the form: checked at once (each field that is wrong says what to type), then
     * kept in the data folder (no password goes with it), and the sign-in on that server is shown.
     */
    public void connectToServer() {
        ServerChoice chosen;
        try {
            chosen = ServerChoice.of(serverHost.get(), serverPort.get(), serverDatabase.get());
        } catch (ValidationException invalid) {
            errors.clear();
            invalid.violations().forEach(violation -> errors.put(violation.field(), violation.message()));
            say(Messages.get("access.fixFields"));
            return;
        }
        errors.clear();
        busy.set(true);
        BackgroundTask.wrap(() -> {
                    chosen.keepIn(folder);
                    return chosen;
                })
                .onSuccess(kept -> {
                    server = kept;
                    serverName.set(kept.toString());
                    showSignIn();
                })
                .onFailure(failure -> Failures.report("action.keepServer", failure, this::say))
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    /** Leaves the server's form unchanged: back to the sign-in it came from. */
    public void cancelServerForm() {
        if (server != null) {
            showSignIn();
        } else {
            showThisComputer();
        }
    }

    /** Forgets the server chosen: the records of this computer's data folder (its sign-in, or set-up). */
    public void useThisComputer() {
        if (!serverChangeable) {
            return;
        }
        busy.set(true);
        BackgroundTask.wrap(() -> {
                    ServerChoice.forget(folder);
                    return folder;
                })
                .onSuccess(done -> {
                    server = null;
                    serverName.set("");
                    clearTyped();
                    showThisComputer();
                })
                .onFailure(failure -> Failures.report("action.keepServer", failure, this::say))
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    // --- key file missing -------------------------------------------------------------------------

    /** Records without their key file: no set-up over them, only the way to put the key file back. */
    public void restoreKeyFile() {
        host.cannotOpen(new RecordsUnavailableException(RecordsUnavailableException.Reason.KEY_FILE_MISSING, null));
    }

    public Path folder() {
        return folder;
    }

    // --- set-up -----------------------------------------------------------------------------------

    private void showSetUp() {
        encrypting = ClinicAccess.state(folder) == ClinicAccess.FolderState.UNENCRYPTED;
        show(Screen.SET_UP);
        if (encrypting) {
            // suggestions from the records being encrypted; read on the worker, they are in the clinic's file
            BackgroundTask.wrap(() -> new String[] {
                    ClinicAccess.clinicNameBeforeEncryption(folder).orElse(""),
                    ClinicAccess.clinicianNameBeforeEncryption(folder).orElse("") })
                    .onSuccess(names -> {
                        if (clinicName.get().isEmpty()) {
                            clinicName.set(names[0]);
                        }
                        if (displayName.get().isEmpty()) {
                            displayName.set(names[1]);
                        }
                    })
                    .onFailure(failure -> Failures.log(Messages.get("action.openRecords"), failure))
                    .executeWith(tasks);
        }
    }

    /** True when set-up encrypts records made before encryption (the form says so). */
    public boolean encrypting() {
        return encrypting;
    }

    /**
     * Sets up the clinic with the password typed twice the same (null when it was not: the form marks
     * why), then shows the recovery key.
     */
    public void setUp(char[] newPassword) {
        // this form, with its "encrypt" button and words, is the administrator's choice to encrypt the old records
        ClinicAccess.NewClinic request = new ClinicAccess.NewClinic(clinicName.get(), username.get(),
                displayName.get(), newPassword, encrypting);
        // what is missing or too short is said at once, before anything starts (and no spinner first)
        List<Violation> problems = new ArrayList<>(ClinicAccess.quickCheck(request));
        if (newPassword == null) {
            // the two passwords differ: the form said so under the second
            problems.removeIf(violation -> violation.field().equals("password"));
        }
        if (newPassword == null || !problems.isEmpty()) {
            if (newPassword != null) {
                Arrays.fill(newPassword, '\0');
            }
            problems.forEach(violation -> errors.put(violation.field(), violation.message()));
            say(Messages.get("access.fixFields"));
            return;
        }
        errors.clear();
        busy.set(true);
        tell(Messages.get(encrypting ? "access.encrypting" : "access.settingUp"));
        BackgroundTask.wrap(() -> access.setUp(folder, request))
                .onSuccess(done -> {
                    setUpServices = done.services();
                    recoveryKey.set(done.recoveryKey());
                    keyKept.set(false);
                    show(Screen.RECOVERY_KEY);
                })
                .onFailure(this::failed)
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    /** Prints the recovery key; the print dialog blocks, so on the printer's runner. */
    public void printRecoveryKey() {
        RecoveryKeyPrinting.print(printer, setUpServices, recoveryKey.get(), this::tell, this::say);
    }

    /** The view copied the key to the clipboard. */
    public void recoveryKeyCopied() {
        tell(Messages.get("access.recovery.copied"));
    }

    /** Goes on into the clinic once she says the key is kept. */
    public void continueIn() {
        if (keyKept.get() && setUpServices != null) {
            host.signedIn(setUpServices);
        }
    }

    // --- recovery ---------------------------------------------------------------------------------

    public void showRecovery() {
        clearTyped();
        show(Screen.RECOVERY);
    }

    /** Signs in with the recovery key and a new password (null when not typed twice the same). */
    public void recover(char[] newPassword) {
        if (newPassword == null) {
            say(Messages.get("access.fixFields"));
            return;
        }
        errors.clear();
        String key = recoveryKeyTyped.get();
        String name = username.get();
        open(() -> access.recover(folder, key, name, newPassword), () -> focus(Field.RECOVERY_KEY));
    }

    // --- shared -----------------------------------------------------------------------------------

    private void open(Callable<Services> work, Runnable afterFailure) {
        busy.set(true);
        tell(Messages.get("access.opening"));
        BackgroundTask.wrap(work)
                .onSuccess(host::signedIn)
                .onFailure(failure -> {
                    failed(failure);
                    afterFailure.run();
                })
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    private void failed(Throwable failure) {
        if (failure instanceof WrongPasswordException wrong) {
            int left = wrong.attemptsBeforeWait();
            say(Messages.get("access.wrong") + (wrong.failuresInARow() > 0 && left > 0 && left < 3
                    ? " " + Messages.format("access.wrong.left", left) : "")
                    + (wrong.failuresInARow() > 0 && left == 0 ? " " + Messages.get("access.wrong.waitNext") : ""));
        } else if (failure instanceof ServerProblemException serverProblem) {
            // Rebound's own words about the server and what to do (the commands say the same): no patient data
            Failures.log(Messages.get("action.signIn"), failure);
            say(serverProblem.getMessage());
        } else if (failure instanceof SignInDelayedException delayed) {
            say(Messages.format("access.delayed", delayed.seconds()));
        } else if (failure instanceof ValidationException invalid) {
            for (Violation violation : invalid.violations()) {
                errors.put(violation.field(), violation.message());
            }
            say(Messages.get("access.fixFields"));
        } else if (failure instanceof RecordsUnavailableException unavailable
                && (unavailable.reason() == RecordsUnavailableException.Reason.DAMAGED
                        || unavailable.reason() == RecordsUnavailableException.Reason.FOREIGN
                        || unavailable.reason() == RecordsUnavailableException.Reason.MISSING
                        || unavailable.reason() == RecordsUnavailableException.Reason.KEY_FILE_MISSING)) {
            Failures.report("action.openRecords", failure, this::say);
            host.cannotOpen(unavailable);
        } else {
            Failures.report("action.openRecords", failure, this::say);
        }
    }

    private void clearWhenEdited(StringProperty field, String key) {
        field.addListener((obs, before, now) -> errors.remove(key));
    }

    private void focus(Field field) {
        // set again even when unchanged, so the view moves the keyboard back after each answer
        focus.set(null);
        focus.set(field);
    }

    /** A problem: shown in the danger colour. */
    private void say(String text) {
        problem.set(true);
        message.set(text);
    }

    /** Progress or information: shown in the normal colour. */
    private void tell(String text) {
        problem.set(false);
        message.set(text);
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() { return screen.getReadOnlyProperty(); }
    public ObservableMap<String, String> errors() { return errors; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** True when the message is a problem (shown in the danger colour). */
    public ReadOnlyBooleanProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Field> focusProperty() { return focus.getReadOnlyProperty(); }
    public StringProperty usernameProperty() { return username; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty clinicNameProperty() { return clinicName; }
    public StringProperty displayNameProperty() { return displayName; }
    public ReadOnlyStringProperty recoveryKeyProperty() { return recoveryKey.getReadOnlyProperty(); }
    public BooleanProperty keyKeptProperty() { return keyKept; }
    public StringProperty recoveryKeyTypedProperty() { return recoveryKeyTyped; }
    /** The server signed in to, as postgresql://HOST:PORT/DB; empty for this computer's records. */
    public ReadOnlyStringProperty serverNameProperty() { return serverName.getReadOnlyProperty(); }
    public StringProperty serverHostProperty() { return serverHost; }
    public StringProperty serverPortProperty() { return serverPort; }
    public StringProperty serverDatabaseProperty() { return serverDatabase; }
}
