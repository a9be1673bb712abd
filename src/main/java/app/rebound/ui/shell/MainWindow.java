package app.rebound.ui.shell;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.scene.Scene;
import javafx.stage.Stage;

import app.rebound.domain.DateStyle;
import app.rebound.service.Services;
import app.rebound.ui.kit.Alerts;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.DateInput;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.Drawn;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.Navigator;
import app.rebound.ui.kit.Scheduler;
import app.rebound.ui.kit.Worker;
import app.rebound.ui.lock.LockScreen;
import app.rebound.ui.patients.PatientListViewModel;
import app.rebound.ui.programme.ProgrammeViewModel;
import app.rebound.ui.progress.ProgressView;
import app.rebound.ui.records.RecordsActions;
import app.rebound.ui.visit.VisitFormViewModel;

/**
 * The main window: wiring only. It is drawn before any database work; the records open in the background
 * and the list fills in when they are ready. Each job has its own class beside this one:
 * <ul>
 * <li>{@link WindowFrame}: the scene, the bands at the top, the title, size and place, what closing asks;</li>
 * <li>{@link MainMenus}: the menus and their shortcuts;</li>
 * <li>{@link ScreenNavigator}: the screens (each made by its package's factory) and the way between them;</li>
 * <li>{@link OpenRecords}: what runs while the records are open (header, colours, server line, lock screen
 * through {@link ScreenLock}, settings, backups through the kit's {@link Scheduler}).</li>
 * </ul>
 */
public final class MainWindow {

    private final Stage stage;
    private final Callable<Services> opener;
    private final Worker worker;
    private final ScreenNavigator navigator;
    private final WindowFrame frame;
    private final ClinicHeader header;
    private final OpenRecords open;
    private final RecordsActions records;
    private final MainMenus menus;
    private boolean offerSamples;

    public MainWindow(Stage stage, Path dataFolder, Callable<Services> opener, Worker worker) {
        this.stage = stage;
        this.opener = opener;
        this.worker = worker;
        Scheduler scheduler = new Scheduler(worker, Clock.systemDefaultZone());
        this.navigator = new ScreenNavigator(stage, worker, scheduler, this::services);
        this.frame = new WindowFrame(stage, dataFolder, navigator);
        this.header = new ClinicHeader(stage);
        this.open = new OpenRecords(stage, worker, scheduler, navigator, frame, header);
        this.records = new RecordsActions(stage, worker, this::services, () -> patientList().refresh(null));
        this.menus = new MainMenus(navigator, open, records, frame, stage, worker, dataFolder);
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
        Scene scene = frame.show(menus::addZoomKeys, menus.bar(), header.node());
        navigator.patients().listView().focusSearch();
        Drawn.whenDrawn(scene, onFirstFrame);

        patientList().afterNextPage(() -> Drawn.whenDrawn(scene, onFirstPage));
        BackgroundTask.wrap(() -> {
                    Services opened = opener.call();
                    return new Opened(opened, opened.settings().dateStyle());
                })
                .onSuccess(opened -> {
                    DateInput.useClinicStyle(opened.dateStyle());
                    open.start(opened.services());
                    menus.signedIn(opened.services());
                    // sample patients are for a clinic starting on this computer, never into a clinic's server
                    if (offerSamples && !open.onServer()) {
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

    /** The server line's text, empty while it is hidden (for tests). */
    public String serverBannerText() {
        return open.serverBannerText();
    }

    /** The window is closing: the last save and the backup on close are queued on the worker. */
    public void closing() {
        open.closing();
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
        return open.lockScreen();
    }

    public RecordsActions records() {
        return records;
    }

    public PatientListViewModel patientList() {
        return navigator.patients().list();
    }

    /** The records, once open. */
    public Services services() {
        return open.services();
    }
}
