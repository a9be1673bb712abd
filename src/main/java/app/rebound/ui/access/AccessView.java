package app.rebound.ui.access;

import java.nio.file.Path;
import java.util.Optional;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
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
import javafx.stage.Stage;

import app.rebound.domain.Messages;
import app.rebound.service.ClinicAccess;
import app.rebound.service.ServerChoice;
import app.rebound.ui.kit.BrandMark;
import app.rebound.ui.kit.BusySpinner;
import app.rebound.ui.kit.FormGrid;
import app.rebound.ui.kit.FxTaskRunner;
import app.rebound.ui.kit.NewPassword;
import app.rebound.ui.kit.TaskRunner;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.kit.WindowPlacement;
import app.rebound.ui.kit.Worker;
import app.rebound.ui.kit.Em;

/**
 * The first screen: set-up of a new clinic (or of records made before encryption), or sign-in, and
 * the recovery key. Nothing of the clinic's records is shown until a clinician has signed in. The
 * logic is {@link AccessViewModel}'s; this view draws the form the model asks for.
 */
public final class AccessView extends StackPane {

    /** What the screen hands on once a clinician is in. */
    public interface Host extends AccessViewModel.Host {
    }

    private final AccessViewModel model;
    private final Label message = new Label();
    private final BusySpinner busy = new BusySpinner();
    private Node focusFirst;
    private Node usernameField;
    private Node passwordField;
    private Node recoveryKeyField;
    private NewPassword newPassword;

    public AccessView(Path folder, ClinicAccess access, TaskRunner tasks, Host host) {
        this(folder, null, true, access, tasks, host);
    }

    /**
     * @param server           the clinic's server to sign in to, or null for the records of the data folder
     * @param serverChangeable whether she may choose another server or this computer here
     */
    public AccessView(Path folder, ServerChoice server, boolean serverChangeable, ClinicAccess access,
            TaskRunner tasks, Host host) {
        getStyleClass().add("access-view");
        setId("accessView");
        message.setId("accessMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("access-message");
        // the print dialog blocks: a thread of its own, never the JavaFX thread or the worker
        this.model = new AccessViewModel(folder, server, serverChangeable, access, tasks,
                FxTaskRunner.threadPerTask("rebound-print"), host);
        message.textProperty().bind(model.messageProperty());
        model.problemProperty().addListener((obs, was, now) -> message.pseudoClassStateChanged(FormGrid.DANGER, now));
        message.pseudoClassStateChanged(FormGrid.DANGER, model.problemProperty().get());
        busy.showingProperty().bind(model.busyProperty());
        model.focusProperty().addListener((obs, was, field) -> {
            Node target = field == null ? null : switch (field) {
                case USERNAME -> usernameField;
                case PASSWORD -> passwordField;
                case RECOVERY_KEY -> recoveryKeyField;
            };
            if (target != null) {
                target.requestFocus();
            }
        });
        model.screenProperty().addListener((obs, was, now) -> draw(now));
        draw(model.screenProperty().get());
    }

    /**
     * Shows this screen in {@code stage}, the first window: in the theme, 760 × 640, with a minimum size
     * its card fits in, centred on the screen; the dialogs it opens centred on it.
     */
    public void showIn(Stage stage) {
        // a fixed size, the same whichever part of the theme is installed (ThemeFirstWindowUiTest)
        Scene scene = new Scene(this, FIRST_WIDTH, FIRST_HEIGHT);
        Theme.apply(scene);
        stage.setScene(scene);
        WindowPlacement.placeFirstWindow(stage);
        WindowPlacement.centreDialogsOnOwners();
        stage.show();
    }

    private static final double FIRST_WIDTH = 760;
    private static final double FIRST_HEIGHT = 640;

    /** The model behind the screen. */
    public AccessViewModel model() {
        return model;
    }

    private void draw(AccessViewModel.Screen screen) {
        if (newPassword != null) {
            newPassword.clear();
            newPassword = null;
        }
        switch (screen) {
            case SIGN_IN -> showSignIn();
            case KEY_FILE_MISSING -> showKeyFileMissing();
            case SET_UP -> showSetUp();
            case RECOVERY_KEY -> showRecoveryKey();
            case RECOVERY -> showRecovery();
            case SERVER -> showServerForm();
            case SERVER_SIGN_IN -> showServerSignIn();
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

    private void showSignIn() {
        FormGrid form = new FormGrid(model.errors());
        TextField user = new TextField();
        user.setId("signInUser");
        user.textProperty().bindBidirectional(model.usernameProperty());
        form.add("access.username", user, user, "username");
        PasswordField password = new PasswordField();
        password.setId("signInPassword");
        password.textProperty().bindBidirectional(model.passwordProperty());
        form.add("access.password", password, password, "password");
        Button signIn = new Button(Messages.get("access.signIn"));
        signIn.setId("signIn");
        signIn.setDefaultButton(true);
        Hyperlink forgot = new Hyperlink(Messages.get("access.forgot"));
        forgot.setId("forgotPassword");
        forgot.setOnAction(e -> model.showRecovery());
        VBox links = new VBox(6, form, forgot);
        serverLink().ifPresent(links.getChildren()::add);
        show("access.signIn.title", Messages.get("access.signIn.intro"), links, signIn);
        signIn.disableProperty().bind(busy.showingProperty());
        signIn.setOnAction(e -> model.signIn());
        usernameField = user;
        passwordField = password;
        focusFirst = user;
    }

    /** "The records are on the clinic's server? Connect to it…", where she may choose one. */
    private Optional<Node> serverLink() {
        if (!model.serverChangeable()) {
            return Optional.empty();
        }
        Hyperlink server = new Hyperlink(Messages.get("access.server.choose"));
        server.setId("connectToServer");
        server.setOnAction(e -> model.showServerForm());
        return Optional.of(server);
    }

    // --- the clinic's server ----------------------------------------------------------------------

    /** Where the clinic's server is: host, port, database; kept in the data folder without any password. */
    private void showServerForm() {
        FormGrid form = new FormGrid(model.errors());
        TextField host = new TextField();
        host.setId("serverHost");
        host.setPromptText(Messages.get("access.server.host.prompt"));
        host.textProperty().bindBidirectional(model.serverHostProperty());
        form.add("access.server.host", host, host, "serverHost");
        TextField port = new TextField();
        port.setId("serverPort");
        port.textProperty().bindBidirectional(model.serverPortProperty());
        form.add("access.server.port", port, port, "serverPort");
        TextField database = new TextField();
        database.setId("serverDatabase");
        database.textProperty().bindBidirectional(model.serverDatabaseProperty());
        form.add("access.server.database", database, database, "serverDatabase");
        Button back = new Button(Messages.get("access.server.thisComputer"));
        back.setId("serverBack");
        back.setCancelButton(true);
        back.setOnAction(e -> model.cancelServerForm());
        Button go = new Button(Messages.get("access.server.connect"));
        go.setId("serverContinue");
        go.setDefaultButton(true);
        go.disableProperty().bind(busy.showingProperty());
        go.setOnAction(e -> model.connectToServer());
        show("access.server.title", Messages.get("access.server.intro"), form, back, go);
        focusFirst = host;
        focusFirst();
    }

    /** Sign-in on the clinic's server: which server, her own login, and the way to another server. */
    private void showServerSignIn() {
        FormGrid form = new FormGrid(model.errors());
        TextField user = new TextField();
        user.setId("signInUser");
        user.textProperty().bindBidirectional(model.usernameProperty());
        form.add("access.username", user, user, "username");
        PasswordField password = new PasswordField();
        password.setId("signInPassword");
        password.textProperty().bindBidirectional(model.passwordProperty());
        form.add("access.password", password, password, "password");
        Label where = new Label(Messages.format("access.server.signingInto", model.serverNameProperty().get()));
        where.setId("signInServer");
        where.setWrapText(true);
        where.setMinHeight(Region.USE_PREF_SIZE);
        Label forgot = new Label(Messages.get("access.server.forgot"));
        forgot.setWrapText(true);
        forgot.setMinHeight(Region.USE_PREF_SIZE);
        forgot.getStyleClass().add("form-help");
        VBox body = new VBox(6, where, form, forgot);
        if (model.serverChangeable()) {
            Hyperlink other = new Hyperlink(Messages.get("access.server.other"));
            other.setId("useAnotherServer");
            other.setOnAction(e -> model.showServerForm());
            Hyperlink local = new Hyperlink(Messages.get("access.server.useThisComputer"));
            local.setId("useThisComputer");
            local.setOnAction(e -> model.useThisComputer());
            body.getChildren().add(new HBox(12, other, local));
        }
        Button signIn = new Button(Messages.get("access.signIn"));
        signIn.setId("signIn");
        signIn.setDefaultButton(true);
        signIn.disableProperty().bind(busy.showingProperty());
        signIn.setOnAction(e -> model.signIn());
        show("access.server.signInTitle", Messages.get("access.server.signInIntro"), body, signIn);
        usernameField = user;
        passwordField = password;
        focusFirst = user;
        focusFirst();
    }

    // --- key file missing -------------------------------------------------------------------------

    /** Records without their key file: no set-up over them, only the way to put the key file back. */
    private void showKeyFileMissing() {
        Button restore = new Button(Messages.get("access.keyFileMissing.restore"));
        restore.setId("restoreKeyFile");
        restore.setDefaultButton(true);
        restore.setOnAction(e -> model.restoreKeyFile());
        show("access.keyFileMissing.title", Messages.format("access.keyFileMissing.intro", model.folder()),
                new VBox(), restore);
        focusFirst = restore;
    }

    // --- set-up -----------------------------------------------------------------------------------

    private void showSetUp() {
        boolean encrypting = model.encrypting();
        FormGrid form = new FormGrid(model.errors());
        TextField clinic = new TextField();
        clinic.setId("setUpClinic");
        clinic.textProperty().bindBidirectional(model.clinicNameProperty());
        form.add("access.clinicName", clinic, clinic, "clinicName");
        TextField display = new TextField();
        display.setId("setUpDisplayName");
        display.textProperty().bindBidirectional(model.displayNameProperty());
        form.add("access.displayName", display, display, "displayName");
        TextField user = new TextField();
        user.setId("setUpUser");
        user.textProperty().bindBidirectional(model.usernameProperty());
        form.add("access.username.new", user, user, "username");
        NewPassword password = new NewPassword(form, model.errors(), "access.password.new", "setUpPassword",
                "setUpPasswordAgain", user.textProperty(), clinic.textProperty(), display.textProperty());
        Button setUp = new Button(Messages.get(encrypting ? "access.setUp.encrypt" : "access.setUp"));
        setUp.setId("setUp");
        setUp.setDefaultButton(true);
        setUp.disableProperty().bind(busy.showingProperty());
        VBox body = new VBox(6, form);
        if (!encrypting) {
            // the first start's other choice: the clinic's records on its server instead of this computer
            serverLink().ifPresent(body.getChildren()::add);
        }
        show("access.setUp.title", Messages.get(encrypting ? "access.setUp.introEncrypt" : "access.setUp.intro"), body,
                setUp);
        setUp.setOnAction(e -> {
            model.errors().clear();
            model.setUp(password.typedTwice() ? password.typed() : null);
        });
        newPassword = password;
        focusFirst = clinic;
    }

    /** Shown once after set-up: the recovery key, to print or write down before going on. */
    private void showRecoveryKey() {
        String recoveryKey = model.recoveryKeyProperty().get();
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
            model.recoveryKeyCopied();
        });
        Button print = new Button(Messages.get("access.recovery.print"));
        print.setId("printRecoveryKey");
        print.setOnAction(e -> model.printRecoveryKey());
        CheckBox kept = new CheckBox(Messages.get("access.recovery.kept"));
        kept.setId("recoveryKeyKept");
        kept.selectedProperty().bindBidirectional(model.keyKeptProperty());
        Button go = new Button(Messages.get("access.recovery.continue"));
        go.setId("recoveryContinue");
        go.setDefaultButton(true);
        go.disableProperty().bind(kept.selectedProperty().not());
        go.setOnAction(e -> model.continueIn());
        show("access.recovery.title", Messages.get("access.recovery.intro"),
                new VBox(12, key, new HBox(10, print, copy), kept), go);
        focusFirst = kept;
        focusFirst();
    }

    // --- recovery ---------------------------------------------------------------------------------

    private void showRecovery() {
        FormGrid form = new FormGrid(model.errors());
        TextField key = new TextField();
        key.setId("recoveryKeyInput");
        key.setPromptText(Messages.get("access.recovery.key.prompt"));
        key.textProperty().bindBidirectional(model.recoveryKeyTypedProperty());
        form.add("access.recovery.key", key, key, "recoveryKey");
        TextField user = new TextField();
        user.setId("recoveryUser");
        user.textProperty().bindBidirectional(model.usernameProperty());
        form.add("access.username", user, user, "username");
        NewPassword password = new NewPassword(form, model.errors(), "access.password.new", "recoveryPassword",
                "recoveryPasswordAgain", user.textProperty());
        Button back = new Button(Messages.get("button.back"));
        back.setCancelButton(true);
        back.setOnAction(e -> model.showSignIn());
        Button recover = new Button(Messages.get("access.recovery.use"));
        recover.setId("useRecoveryKey");
        recover.setDefaultButton(true);
        recover.disableProperty().bind(busy.showingProperty());
        show("access.recovery.useTitle", Messages.get("access.recovery.useIntro"), form, back, recover);
        recover.setOnAction(e -> {
            model.errors().clear();
            model.recover(password.typedTwice() ? password.typed() : null);
        });
        newPassword = password;
        recoveryKeyField = key;
        focusFirst = key;
        focusFirst();
    }

    /** The message under the form (for tests). */
    public String message() {
        return message.getText();
    }
}
