package app.rebound.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

import app.rebound.domain.Messages;
import app.rebound.service.ClinicAccess;
import app.rebound.service.FailureLog;
import app.rebound.service.RecordsUnavailableException;
import app.rebound.service.ServerChoice;
import app.rebound.service.ServerProblemException;
import app.rebound.service.Services;
import app.rebound.store.FolderLock;
import app.rebound.ui.kit.Alerts;
import app.rebound.ui.shell.MainWindow;
import app.rebound.ui.kit.ScriptFonts;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.kit.Worker;
import app.rebound.ui.access.AccessView;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Drawn;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.records.BackupActions;

/**
 * The composition root of the window: takes the data folder's lock, shows set-up or sign-in at once,
 * and the main window once a clinician is in.
 */
public final class ReboundApp extends Application {

    private static Path dataFolder;
    /** The records the window opens: the data folder's, or the clinic's server. */
    private static WindowDatabase database = new WindowDatabase(null, WindowDatabase.Source.THIS_COMPUTER);
    private static boolean smoke;
    private static String smokeUser;
    private static char[] smokePassword;
    /** The training run's walk through the screens (AotTraining), or null: see {@link #train}. */
    private static Walk walk;

    /** Her workspace, visit and programme, then a set-up window on a new folder. */
    private record Walk(UUID patient, Path newFolder) {
    }

    private final Worker worker = new Worker();
    private MainWindow window;
    private FolderLock lock;
    private FrontDoor frontDoor;

    static void launch(Path folder, boolean smokeTest, String user, String password) {
        launch(folder, new WindowDatabase(null, WindowDatabase.Source.THIS_COMPUTER), smokeTest, user, password);
    }

    static void launch(Path folder, WindowDatabase records, boolean smokeTest, String user, String password) {
        dataFolder = folder;
        database = records;
        smoke = smokeTest;
        smokeUser = user;
        smokePassword = password == null ? null : password.toCharArray();
        Application.launch(ReboundApp.class);
    }

    /**
     * The start-up training run: as {@code --smoke} signed in, then, once the first page of patients
     * is drawn, opens the patient's workspace, her latest visit and its programme, then a set-up
     * window on {@code newFolder} (an empty folder: nothing is written there), and exits 0.
     */
    static void train(Path folder, String user, String password, UUID patient, Path newFolder) {
        walk = new Walk(patient, newFolder);
        launch(folder, true, user, password);
    }

    /**
     * The fonts every script needs (see ScriptFonts), loaded while the first window is built: the
     * theme waits for them before the first scene is shown, so they are there before any text is drawn.
     */
    @Override
    public void init() {
        ScriptFonts.startLoading();
    }

    @Override
    public void start(Stage stage) {
        // the part of the theme the first window uses; the whole theme once it is drawn
        Theme.installForFirstWindow();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            String action = Messages.get("action.unexpected");
            FailureLog.log(action, failure);
            if (Platform.isFxApplicationThread()) {
                Theme.install();
                Alerts.error(stage, Failures.describe(action, failure));
            }
        });
        Path folder = dataFolder;
        Optional<FolderLock> held;
        try {
            held = FolderLock.tryLock(folder);
        } catch (IOException e) {
            FailureLog.log(Messages.get("action.openRecords"), e);
            held = Optional.empty();
            failAtStart(stage, Messages.get("error.recordsUnavailable"));
            return;
        }
        if (held.isEmpty()) {
            failAtStart(stage, Messages.get("error.alreadyRunning"));
            return;
        }
        lock = held.get();
        // a second start on this folder brings this window to the front
        frontDoor = FrontDoor.open(folder, () -> Platform.runLater(() -> {
            stage.setIconified(false);
            stage.show();
            stage.toFront();
            stage.requestFocus();
        })).orElse(null);
        ClinicAccess access = new ClinicAccess(Clock.systemDefaultZone(), Locale.getDefault());
        ServerChoice server = database.server();
        AccessView view = new AccessView(folder, server, database.changeable(), access, worker, new AccessView.Host() {
            @Override
            public void signedIn(Services services) {
                openMainWindow(stage, folder, services);
            }

            @Override
            public void cannotOpen(RecordsUnavailableException failure) {
                if (smoke) {
                    System.err.println("smoke: the records cannot be opened (" + failure.reason() + ")");
                    System.exit(4);
                }
                BackupActions.offerLatestBackup(stage, folder, worker);
            }
        });
        stage.setTitle(Messages.get("app.name"));
        view.showIn(stage);
        Scene scene = stage.getScene();
        view.focusFirst();
        Drawn.whenDrawn(scene, () -> {
            if (smoke) {
                smokeTime("first frame");
            }
            // the whole theme, next: after the sign-in from the environment (below) has started
            Platform.runLater(Theme::install);
            // logging starts after the first frame: setting it up is not worth a later window
            Thread logStart = new Thread(() -> LoggerFactory.getLogger(ReboundApp.class).info("Rebound started"),
                    "rebound-log-start");
            logStart.setDaemon(true);
            logStart.start();
            boolean credentials = smokeUser != null && smokePassword != null
                    && (server != null || ClinicAccess.state(folder) == ClinicAccess.FolderState.READY);
            if (!credentials) {
                if (smoke) {
                    Platform.exit();
                }
                return;
            }
            BackgroundTask.wrap(() -> server != null ? access.signInOnServer(server, smokeUser, smokePassword)
                            : access.signIn(folder, smokeUser, smokePassword))
                    .onSuccess(services -> openMainWindow(stage, folder, services))
                    .onFailure(failure -> {
                        System.err.println("sign-in from the environment failed: " + failure.getClass().getSimpleName()
                                + (failure instanceof ServerProblemException ? " (" + failure.getMessage() + ")" : ""));
                        if (smoke) {
                            System.exit(4);
                        }
                    })
                    .executeWith(worker);
        });
    }

    private void openMainWindow(Stage stage, Path folder, Services services) {
        window = new MainWindow(stage, folder, () -> services, worker);
        window.offerSamplesAtFirstStart(!smoke);
        LoggerFactory.getLogger(ReboundApp.class).info("Records open");
        Runnable firstPage = walk != null ? () -> walk(stage) : smoke ? this::smokeDone : () -> { };
        window.show(() -> { }, firstPage, message -> {
            if (smoke) {
                System.err.println("smoke: " + message);
                System.exit(4);
            }
        });
    }

    /** The training run's walk (see {@link #train}); any failure ends the run with exit 4. */
    private void walk(Stage stage) {
        smokeTime("patients shown");
        window.walkThrough(walk.patient(), () -> {
            smokeTime("workspace, visit and programme shown");
            Stage setUp = new Stage();
            setUp.initOwner(stage);
            AccessView view = new AccessView(walk.newFolder(), new ClinicAccess(Clock.systemDefaultZone(),
                    Locale.getDefault()), worker, new AccessView.Host() {
                        @Override
                        public void signedIn(Services services) {
                            services.close();
                        }

                        @Override
                        public void cannotOpen(RecordsUnavailableException failure) {
                        }
                    });
            view.showIn(setUp);
            Drawn.whenDrawn(setUp.getScene(), () -> {
                smokeTime("set-up window shown");
                setUp.close();
                Platform.exit();
            });
        }, failure -> {
            System.err.println("training: the walk through the screens failed: " + failure.getClass().getSimpleName());
            System.exit(4);
        });
    }

    /** A start that cannot go on (the records are open in another window): say why, then end. */
    private void failAtStart(Stage stage, String message) {
        if (smoke) {
            System.err.println("smoke: " + message);
            System.exit(3);
        }
        Theme.install();
        Alerts.error(null, message);
        Platform.exit();
    }

    /** Prints how long since the JVM started, e.g. "first frame: 1480 ms". */
    private static void smokeTime(String what) {
        long started = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(what + ": " + (System.currentTimeMillis() - started) + " ms");
        System.out.flush();
    }

    /** The first page of patients is on screen: the records opened and answered. */
    private void smokeDone() {
        smokeTime("patients shown");
        Platform.exit();
    }

    @Override
    public void stop() {
        Services services = window == null ? null : window.services();
        if (window != null) {
            window.closing();
        }
        worker.close();
        if (services != null) {
            services.close();
        }
        if (frontDoor != null) {
            frontDoor.close();
        }
        if (lock != null) {
            lock.close();
        }
        if (smoke) {
            System.exit(0);
        }
    }
}
