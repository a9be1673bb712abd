package app.rebound.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.rebound.service.Services;
import app.rebound.ui.MainWindow;
import app.rebound.ui.Worker;

/** The composition root of the window: builds the services by hand and shows the main window. */
public final class ReboundApp extends Application {

    private static Path dataFolder;
    private static boolean smoke;

    private final Worker worker = new Worker();
    private MainWindow window;

    static void launch(Path folder, boolean smokeTest) {
        dataFolder = folder;
        smoke = smokeTest;
        Application.launch(ReboundApp.class);
    }

    @Override
    public void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            String action = app.rebound.domain.Messages.get("action.unexpected");
            app.rebound.service.FailureLog.log(action, failure);
            if (Platform.isFxApplicationThread()) {
                app.rebound.ui.Alerts.error(stage, app.rebound.ui.Failures.describe(action, failure));
            }
        });
        Path folder = dataFolder;
        window = new MainWindow(stage, folder,
                () -> {
                    Services services = Services.open(folder, Clock.systemDefaultZone(), Locale.getDefault());
                    try {
                        services.warmUp();
                    } catch (RuntimeException e) {
                        services.close();
                        throw e;
                    }
                    return services;
                },
                worker);
        window.offerSamplesAtFirstStart(!smoke);
        window.show(smoke ? () -> smokeTime("first frame") : () -> { }, smoke ? this::smokeDone : () -> { }, message -> {
            if (smoke) {
                System.err.println("smoke: " + message);
                System.exit(4);
            }
        });
        Logger log = LoggerFactory.getLogger(ReboundApp.class);
        log.info("Rebound started");
    }

    /** Prints how long since the JVM started, e.g. "first frame: 1480 ms". */
    private static void smokeTime(String what) {
        long started = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
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
        worker.close();
        Services services = window == null ? null : window.services();
        if (services != null) {
            services.close();
        }
        if (smoke) {
            System.exit(0);
        }
    }
}
