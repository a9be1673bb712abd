package app.rebound.ui.access;

import java.awt.print.PrinterException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import app.rebound.domain.Messages;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.service.ClinicAccess;
import app.rebound.service.RecordsUnavailableException;
import app.rebound.service.Services;
import app.rebound.service.SignInDelayedException;
import app.rebound.service.WrongPasswordException;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.BrandMark;
import app.rebound.ui.kit.BusySpinner;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.FormGrid;
import app.rebound.ui.kit.NewPassword;
import app.rebound.ui.kit.Worker;
import app.rebound.ui.kit.Em;

/**
 * The first screen: set-up of a new clinic (or of records made before encryption), or sign-in, and
 * the recovery key. Nothing of the clinic's records is shown until a clinician has signed in. Key
 * derivation and opening the records run on the worker, never on the JavaFX thread.
 */
public final class AccessView extends StackPane {

    /** What the screen hands on once a clinician is in. */
    public interface Host {
        void signedIn(Services services);

        /** The records could not be opened (damaged, missing): the host offers a backup. */
        void cannotOpen(RecordsUnavailableException failure);
    }

    private final Path folder;
    private final ClinicAccess access;
    private final Worker worker;
    private final Host host;
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final Label message = new Label();
    private final BusySpinner busy = new BusySpinner();
    private Node focusFirst;

    public AccessView(Path folder, ClinicAccess access, Worker worker, Host host) {
        this.folder = folder;
        this.access = access;
        this.worker = worker;
        this.host = host;
        getStyleClass().add("access-view");
        setId("accessView");
        message.setId("accessMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("access-message");
        switch (ClinicAccess.state(folder)) {
            case READY -> showSignIn(null);
            case KEY_FILE_MISSING -> showKeyFileMissing();
            default -> showSetUp();
        }
    }

    /** Puts the keyboard in the first field once the scene is shown. */
    public void focusFirst() {
        if (focusFirst != null) {
            Platform.runLater(focusFirst::requestFocus);
        }
    }

    private void show(String titleKey, String introText, Node body, Node... actions) {
        Label brand = new Label(Messages.get("app.name"), brandIcon());
        brand.getStyleClass().add("brand");
        Label title = new Label(Messages.get(titleKey));
        title.getStyleClass().add("title-2");
        title.setId("accessTitle");
        Label intro = new Label(introText);
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.getStyleClass().add("form-help");
        HBox buttons = new HBox(10);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getChildren().add(busy);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        buttons.getChildren().add(spring);
        buttons.getChildren().addAll(actions);
        message.setText("");
        VBox card = new VBox(14, brand, title, intro, body, message, buttons);
        card.getStyleClass().add("access-card");
        card.setPadding(new Insets(28, 32, 24, 32));
        card.prefWidthProperty().bind(Em.px(620));
        card.maxWidthProperty().bind(Em.px(620));
        card.setMaxHeight(Region.USE_PREF_SIZE);
        getChildren().setAll(card);
        StackPane.setAlignment(card, Pos.CENTER);
        setPadding(new Insets(24));
    }

    private static Node brandIcon() {
        return new BrandMark(30);
    }

    // --- sign-in --------------------------------------------------------------------------------

    private void showSignIn(String notice) {
        errors.clear();
        FormGrid form = new FormGrid(errors);
        TextField user = new TextField();
        user.setId("signInUser");
        form.add("access.username", user, user, "username");
        PasswordField password = new PasswordField();
        password.setId("signInPassword");
        form.add("access.password", password, password, "password");
        Button signIn = new Button(Messages.get("access.signIn"));
        signIn.setId("signIn");
        signIn.setDefaultButton(true);
        Hyperlink forgot = new Hyperlink(Messages.get("access.forgot"));
        forgot.setId("forgotPassword");
        forgot.setOnAction(e -> showRecovery());
        show("access.signIn.title", Messages.get("access.signIn.intro"), new VBox(6, form, forgot), signIn);
        if (notice != null) {
            message.setText(notice);
        }
        signIn.disableProperty().bind(busy.showingProperty());
        signIn.setOnAction(e -> {
            if (user.getText().isBlank()) {
                say(Messages.get("access.username.missing"));
                user.requestFocus();
                return;
            }
            if (password.getText().isEmpty()) {
                say(Messages.get("access.password.missing"));
                password.requestFocus();
                return;
            }
            String name = user.getText();
            char[] secret = password.getText().toCharArray();
            run(() -> access.signIn(folder, name, secret), failure -> {
                password.clear();
                password.requestFocus();
            });
        });
        focusFirst = user;
    }

    // --- key file missing -------------------------------------------------------------------------

    /** Records without their key file: no set-up over them, only the way to put the key file back. */
    private void showKeyFileMissing() {
        Button restore = new Button(Messages.get("access.keyFileMissing.restore"));
        restore.setId("restoreKeyFile");
        restore.setDefaultButton(true);
        restore.setOnAction(e -> host.cannotOpen(new RecordsUnavailableException(
                RecordsUnavailableException.Reason.KEY_FILE_MISSING, null)));
        show("access.keyFileMissing.title", Messages.format("access.keyFileMissing.intro", folder), new VBox(), restore);
        focusFirst = restore;
    }

    // --- set-up -----------------------------------------------------------------------------------

    private void showSetUp() {
        boolean encrypting = ClinicAccess.state(folder) == ClinicAccess.FolderState.UNENCRYPTED;
        errors.clear();
        FormGrid form = new FormGrid(errors);
        TextField clinic = new TextField();
        clinic.setId("setUpClinic");
        form.add("access.clinicName", clinic, clinic, "clinicName");
        TextField display = new TextField();
        display.setId("setUpDisplayName");
        form.add("access.displayName", display, display, "displayName");
        TextField user = new TextField();
        user.setId("setUpUser");
        form.add("access.username.new", user, user, "username");
        NewPassword password = new NewPassword(form, errors, "access.password.new", "setUpPassword",
                "setUpPasswordAgain", user.textProperty(), clinic.textProperty(), display.textProperty());
        if (encrypting) {
            // suggestions from the records being encrypted; read on the worker, they are in the clinic's file
            BackgroundTask.wrap(() -> new String[] {
                    ClinicAccess.clinicNameBeforeEncryption(folder).orElse(""),
                    ClinicAccess.clinicianNameBeforeEncryption(folder).orElse("") })
                    .onSuccess(names -> {
                        if (clinic.getText().isEmpty()) {
                            clinic.setText(names[0]);
                        }
                        if (display.getText().isEmpty()) {
                            display.setText(names[1]);
                        }
                    })
                    .executeWith(worker);
        }
        Button setUp = new Button(Messages.get(encrypting ? "access.setUp.encrypt" : "access.setUp"));
        setUp.setId("setUp");
        setUp.setDefaultButton(true);
        setUp.disableProperty().bind(busy.showingProperty());
        show("access.setUp.title", Messages.get(encrypting ? "access.setUp.introEncrypt" : "access.setUp.intro"), form,
                setUp);
        setUp.setOnAction(e -> {
            errors.clear();
            if (!password.typedTwice()) {
                say(Messages.get("access.fixFields"));
                return;
            }
            // this form, with its "encrypt" button and words, is the administrator's choice to encrypt the old records
            ClinicAccess.NewClinic request = new ClinicAccess.NewClinic(clinic.getText(), user.getText(),
                    display.getText(), password.typed(), encrypting);
            busy.setShowing(true);
            tell(Messages.get(encrypting ? "access.encrypting" : "access.settingUp"));
            BackgroundTask.wrap(() -> access.setUp(folder, request))
                    .onSuccess(done -> {
                        busy.setShowing(false);
                        password.clear();
                        showRecoveryKey(done.recoveryKey(), done.services());
                    })
                    .onFailure(failure -> {
                        busy.setShowing(false);
                        failed(failure);
                    })
                    .executeWith(worker);
        });
        focusFirst = clinic;
    }

    /** Shown once after set-up: the recovery key, to print or write down before going on. */
    private void showRecoveryKey(String recoveryKey, Services services) {
        Label key = new Label(recoveryKey);
        key.setId("recoveryKey");
        key.getStyleClass().add("recovery-key");
        key.setStyle("-fx-font-family: 'DejaVu Sans Mono', monospace; -fx-font-size: 20px; -fx-font-weight: bold;");
        Button copy = new Button(Messages.get("access.recovery.copy"));
        copy.setId("copyRecoveryKey");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(recoveryKey);
            Clipboard.getSystemClipboard().setContent(content);
            tell(Messages.get("access.recovery.copied"));
        });
        Button print = new Button(Messages.get("access.recovery.print"));
        print.setId("printRecoveryKey");
        print.setOnAction(e -> {
            // the print dialog blocks: a thread of its own, never the JavaFX thread or the worker
            Thread printing = new Thread(() -> {
                try {
                    boolean printed = ClinicAccess.printRecoveryKey(services, recoveryKey, Locale.getDefault(),
                            Clock.systemDefaultZone());
                    Platform.runLater(() -> tell(Messages.get(printed ? "access.recovery.printed"
                            : "access.recovery.notPrinted")));
                } catch (PrinterException | RuntimeException failure) {
                    Failures.log(Messages.get("action.printRecoveryKey"), failure);
                    Platform.runLater(() -> say(Messages.get("access.recovery.printFailed")));
                }
            }, "rebound-print");
            printing.setDaemon(true);
            printing.start();
        });
        CheckBox kept = new CheckBox(Messages.get("access.recovery.kept"));
        kept.setId("recoveryKeyKept");
        Button go = new Button(Messages.get("access.recovery.continue"));
        go.setId("recoveryContinue");
        go.setDefaultButton(true);
        go.disableProperty().bind(kept.selectedProperty().not());
        go.setOnAction(e -> host.signedIn(services));
        show("access.recovery.title", Messages.get("access.recovery.intro"),
                new VBox(12, key, new HBox(10, print, copy), kept), go);
        focusFirst = kept;
        focusFirst();
    }

    // --- recovery ---------------------------------------------------------------------------------

    private void showRecovery() {
        errors.clear();
        FormGrid form = new FormGrid(errors);
        TextField key = new TextField();
        key.setId("recoveryKeyInput");
        key.setPromptText(Messages.get("access.recovery.key.prompt"));
        form.add("access.recovery.key", key, key, "recoveryKey");
        TextField user = new TextField();
        user.setId("recoveryUser");
        form.add("access.username", user, user, "username");
        NewPassword password = new NewPassword(form, errors, "access.password.new", "recoveryPassword",
                "recoveryPasswordAgain", user.textProperty());
        Button back = new Button(Messages.get("button.back"));
        back.setCancelButton(true);
        back.setOnAction(e -> showSignIn(null));
        Button recover = new Button(Messages.get("access.recovery.use"));
        recover.setId("useRecoveryKey");
        recover.setDefaultButton(true);
        recover.disableProperty().bind(busy.showingProperty());
        show("access.recovery.useTitle", Messages.get("access.recovery.useIntro"), form, back, recover);
        recover.setOnAction(e -> {
            errors.clear();
            if (!password.typedTwice()) {
                say(Messages.get("access.fixFields"));
                return;
            }
            String keyText = key.getText();
            String name = user.getText();
            char[] secret = password.typed();
            run(() -> access.recover(folder, keyText, name, secret), failure -> key.requestFocus());
        });
        focusFirst = key;
        focusFirst();
    }

    // --- shared -----------------------------------------------------------------------------------

    private void run(Callable<Services> work, Consumer<Throwable> afterFailure) {
        busy.setShowing(true);
        tell(Messages.get("access.opening"));
        BackgroundTask.wrap(work)
                .onSuccess(services -> {
                    busy.setShowing(false);
                    host.signedIn(services);
                })
                .onFailure(failure -> {
                    busy.setShowing(false);
                    failed(failure);
                    afterFailure.accept(failure);
                })
                .executeWith(worker);
    }

    private void failed(Throwable failure) {
        if (failure instanceof WrongPasswordException wrong) {
            int left = wrong.attemptsBeforeWait();
            say(Messages.get("access.wrong") + (wrong.failuresInARow() > 0 && left > 0 && left < 3
                    ? " " + Messages.format("access.wrong.left", left) : "")
                    + (wrong.failuresInARow() > 0 && left == 0 ? " " + Messages.get("access.wrong.waitNext") : ""));
        } else if (failure instanceof SignInDelayedException delayed) {
            say(Messages.format("access.delayed", delayed.seconds()));
        } else if (failure instanceof ValidationException invalid) {
            for (Violation problem : invalid.violations()) {
                errors.put(problem.field(), Messages.format(problem.messageKey(), problem.arguments().toArray()));
            }
            say(Messages.get("access.fixFields"));
        } else if (failure instanceof RecordsUnavailableException unavailable
                && (unavailable.reason() == RecordsUnavailableException.Reason.DAMAGED
                        || unavailable.reason() == RecordsUnavailableException.Reason.FOREIGN
                        || unavailable.reason() == RecordsUnavailableException.Reason.MISSING
                        || unavailable.reason() == RecordsUnavailableException.Reason.KEY_FILE_MISSING)) {
            Failures.log(Messages.get("action.openRecords"), failure);
            say(Failures.describe(Messages.get("action.openRecords"), failure));
            host.cannotOpen(unavailable);
        } else {
            String action = Messages.get("action.openRecords");
            Failures.log(action, failure);
            say(Failures.describe(action, failure));
        }
    }

    /** A problem: shown in the danger colour. */
    private void say(String text) {
        message.pseudoClassStateChanged(FormGrid.DANGER, true);
        message.setText(text);
    }

    /** Progress or information: shown in the normal colour. */
    private void tell(String text) {
        message.pseudoClassStateChanged(FormGrid.DANGER, false);
        message.setText(text);
    }

    /** The message under the form (for tests). */
    public String message() {
        return message.getText();
    }
}
