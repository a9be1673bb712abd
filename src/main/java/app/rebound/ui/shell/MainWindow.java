package app.rebound.ui.shell;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import app.rebound.domain.Appearance;
import app.rebound.domain.DateStyle;
import app.rebound.domain.Messages;
import app.rebound.service.ServerLink;
import app.rebound.service.Services;
import app.rebound.ui.clinic.ClinicActions;
import app.rebound.ui.kit.Alerts;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.DateInput;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.Drawn;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.Navigator;
import app.rebound.ui.kit.Scheduler;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.kit.WindowPlacement;
import app.rebound.ui.kit.Worker;
import app.rebound.ui.lock.LockScreen;
import app.rebound.ui.patients.PatientListViewModel;
import app.rebound.ui.programme.ProgrammeViewModel;
import app.rebound.ui.progress.ProgressView;
import app.rebound.ui.records.RecordsActions;
import app.rebound.ui.settings.SettingsScreen;
import app.rebound.ui.visit.VisitFormViewModel;

/**
 * The main window: wiring only. It is drawn before any database work; the records open in the
 * background and the list fills in when they are ready. The screens and the way between them are the
 * {@link ScreenNavigator}'s, the menus {@link MainMenus}', the threads beside the worker the
 * {@link Scheduler}'s.
 */
public final class MainWindow {

    private final Stage stage;
    private final WindowPlacement placement;
    private final Callable<Services> opener;
    private final Worker worker;
    private final Scheduler scheduler;
    private final ScreenNavigator navigator;
    private final MainMenus menus;
    private final ClinicHeader header;
    private final RecordsActions records;
    private final Appearances appearances;
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    private Services services;
    private LockScreen lockScreen;
    private boolean offerSamples;
    /** In server mode, what says when the clinic's server cannot be reached; null on this computer's records. */
    private ServerBanner serverBanner;
    private final VBox top = new VBox();

    public MainWindow(Stage stage, Path dataFolder, Callable<Services> opener, Worker worker) {
        this.stage = stage;
        this.placement = new WindowPlacement(dataFolder);
        this.opener = opener;
        this.worker = worker;
        this.scheduler = new Scheduler(worker, Clock.systemDefaultZone());
        this.navigator = new ScreenNavigator(stage, worker, scheduler, () -> services);
        this.menus = new MainMenus(this, navigator, ready, stage, worker, dataFolder);
        this.header = new ClinicHeader(stage);
        this.records = new RecordsActions(stage, worker, () -> services, () -> patientList().refresh(null));
        this.appearances = new Appearances(worker, () -> services, this::report);
        navigator.patients().acceptDroppedRecordFiles(records::importFile);
    }

    /** The first start on an empty data folder offers sample patients (not in tests or --smoke). */
    public void offerSamplesAtFirstStart(boolean value) {
        offerSamples = value;
    }

    /**
     * Shows the window at once ({@code onFirstFrame} runs when it has been drawn: the clinician can
     * type a search), then opens the records in the background; {@code onFirstPage} runs when the
     * first patients are drawn.
     */
    public void show(Runnable onFirstFrame, Runnable onFirstPage, Consumer<String> onOpenFailed) {
        BorderPane root = navigator.root();
        top.getChildren().setAll(menus.bar(), header.node());
        root.setTop(top);
        StackPane layers = new StackPane(root);
        layers.getStyleClass().add("main-window-layers");
        Scene scene = new Scene(layers);
        Theme.apply(scene);
        menus.addZoomKeys(scene);
        stage.setScene(scene);
        stage.setTitle(Messages.get("app.name"));
        placement.restore(stage);
        WindowPlacement.centreDialogsOnOwners();
        stage.setOnCloseRequest(e -> {
            if (!navigator.mayClose(stage)) {
                e.consume();
                return;
            }
            VisitFormViewModel visit = navigator.visitForm();
            if (visit != null && visit.notSavedOffline() && !Alerts.confirm(stage,
                    Messages.get("server.closeUnsaved.title"), Messages.get("server.closeUnsaved"),
                    Messages.get("server.closeUnsaved.button"))) {
                e.consume();
                return;
            }
            navigator.flushVisit();
            placement.save(stage);
        });
        stage.show();
        navigator.patients().listView().focusSearch();
        Drawn.whenDrawn(scene, onFirstFrame);

        patientList().afterNextPage(() -> Drawn.whenDrawn(scene, onFirstPage));
        BackgroundTask.wrap(() -> {
                    Services opened = opener.call();
                    return new Opened(opened, opened.settings().dateStyle());
                })
                .onSuccess(open -> {
                    Services opened = open.services();
                    DateInput.useClinicStyle(open.dateStyle());
                    services = opened;
                    ready.set(true);
                    patientList().attach(opened.patients());
                    header.load(opened, worker);
                    appearances.load(opened);
                    ServerLink link = new ServerLink(opened);
                    if (link.onServer()) {
                        watchServer(link, layers);
                    }
                    startLockAndBackups(root, layers);
                    scheduler.changesElsewhere(opened, navigator::changedElsewhere);
                    // sample patients are for a clinic starting on this computer, never into a clinic's server
                    if (offerSamples && !link.onServer()) {
                        records.offerSamples();
                    }
                })
                .onFailure(failure -> Failures.report("action.openRecords", failure, message -> {
                    patientList().failedToOpen(message);
                    onOpenFailed.accept(message);
                    Alerts.error(stage, message);
                }))
                .executeWith(worker);
    }

    /** The records and the clinic's date style, read together before the first date is shown. */
    private record Opened(Services services, DateStyle dateStyle) {
    }

    private void startLockAndBackups(BorderPane root, StackPane layers) {
        Services open = services;
        lockScreen = new LockScreen(stage, root, layers, worker, open, this::quit);
        ClinicActions.install(menus.clinic(), stage, open, worker, navigator::currentPatient);
        lockScreen.startWithClinicSetting(failure -> report("action.openSettings", failure));
        if (serverBanner == null) {
            // the clinic's server is backed up by its IT with the server's own tools, not from a workstation
            scheduler.dailyBackup(open, failure -> report("action.backup", failure));
        }
    }

    /**
     * Server mode: the line at the top of the window says at once when the server cannot be reached; when it answers
     * again the list is read again and what was typed in a visit meanwhile is saved.
     */
    private void watchServer(ServerLink link, StackPane layers) {
        serverBanner = new ServerBanner(link, layers, () -> {
            VisitFormViewModel visit = navigator.visitForm();
            if (visit != null) {
                visit.saveWhatWasNotSaved();
            }
            if (services != null) {
                patientList().refresh();
            }
        });
        top.getChildren().add(serverBanner.node());
        serverBanner.start(scheduler);
    }

    /** Whether the records are on the clinic's server (known once they are open). */
    boolean onServer() {
        return serverBanner != null;
    }

    /** The server line's text, empty while it is hidden (for tests). */
    public String serverBannerText() {
        return serverBanner == null ? "" : serverBanner.text();
    }

    /** Changes the colours or the text size now, and keeps them for the clinician signed in. */
    void changeAppearance(UnaryOperator<Appearance> change) {
        appearances.change(change);
    }

    void openSettings() {
        if (services != null) {
            SettingsScreen.open(stage, services, worker, Theme.current().scheme(),
                    scheme -> changeAppearance(a -> a.withScheme(scheme)), (saved, idleMinutes) -> {
                header.show(saved);
                if (lockScreen != null) {
                    // the new idle time counts from now
                    lockScreen.start(idleMinutes);
                }
            });
        }
    }

    /** Closes the records before a restore replaces them: what is being typed is saved first. */
    void closeRecords() {
        navigator.flushVisit();
        Services open = services;
        services = null;
        ready.set(false);
        if (open != null) {
            worker.execute(open::close);
        }
    }

    /** The window is closing: the last save and the backup on close are queued on the worker. */
    public void closing() {
        navigator.flushVisit();
        if (serverBanner != null) {
            serverBanner.stop();
        } else if (services != null) {
            scheduler.backupOnClose(services);
        }
    }

    void quit() {
        navigator.flushVisit();
        placement.save(stage);
        stage.close();
        Platform.exit();
    }

    void report(String actionKey, Throwable failure) {
        Failures.report(actionKey, failure, message -> Alerts.error(stage, message));
    }

    // --- what the start-up training run and the tests drive --------------------------------------

    /** Where the screens go: the same navigator they ask. */
    public Navigator navigator() {
        return navigator;
    }

    /**
     * Opens her workspace, then her latest visit (by date, drafts included, as the commands take it),
     * then that visit's programme, each once the one before is on screen, then runs {@code done}, or
     * {@code failed} with what went wrong. The start-up training run of the installer
     * ({@code app.rebound.app.AotTraining}) walks the screens a clinic opens first this way.
     */
    public void walkThrough(UUID patientId, Runnable done, Consumer<Throwable> failed) {
        navigator.walkThrough(patientId, done, failed);
    }

    /**
     * Where the programme screen saves a handout (Save as PDF): asked of {@code dialogs} instead of the
     * system's file chooser, which a headless test cannot answer.
     */
    public void chooseFilesWith(Dialogs dialogs) {
        navigator.chooseFilesWith(dialogs);
    }

    /** Saves what is being typed in a visit now, e.g. before leaving it or closing the window. */
    public void flushVisit() {
        navigator.flushVisit();
    }

    public VisitFormViewModel visitForm() {
        return navigator.visitForm();
    }

    public ProgrammeViewModel programmeForm() {
        return navigator.programmeForm();
    }

    public ProgressView progressView() {
        return navigator.progressView();
    }

    public LockScreen lockScreen() {
        return lockScreen;
    }

    public RecordsActions records() {
        return records;
    }

    public PatientListViewModel patientList() {
        return navigator.patients().list();
    }

    /** The records, once open. */
    public Services services() {
        return services;
    }
}
