package app.rebound.ui;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.Callable;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import app.rebound.domain.ClinicSettings;
import app.rebound.domain.Messages;
import app.rebound.service.Services;
import app.rebound.service.SupportFile;
import app.rebound.ui.about.AboutDialog;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.FxTaskRunner;
import app.rebound.ui.about.AboutViewModel;
import app.rebound.ui.patients.PatientDialog;
import app.rebound.ui.patients.PatientFormViewModel;
import app.rebound.ui.patients.PatientListView;
import app.rebound.ui.patients.PatientListViewModel;
import app.rebound.ui.patients.PatientRow;
import app.rebound.ui.patients.PatientWorkspaceView;
import app.rebound.ui.patients.PatientWorkspaceViewModel;
import app.rebound.ui.settings.SettingsDialog;
import app.rebound.ui.visit.VisitFormViewModel;
import app.rebound.ui.visit.VisitView;
import app.rebound.ui.settings.SettingsViewModel;

/**
 * The main window. It is drawn before any database work; the records open in the background and
 * the list fills in when they are ready. Every action has a menu entry and a keyboard shortcut.
 */
public final class MainWindow {

    private final Stage stage;
    private final WindowPlacement placement;
    private final Callable<Services> opener;
    private final Worker worker;
    private final DateInput dates = DateInput.forDefaultLocale();
    private final PatientListViewModel list;
    private final PatientListView listView;
    private final Label clinicLabel = new Label();
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    private Services services;
    /** A patient is being opened: a second Enter must not open her twice. */
    private boolean opening;

    private final app.rebound.ui.records.RecordsActions records;
    private boolean offerSamples;

    /** The first start on an empty data folder offers sample patients (not in tests or --smoke). */
    public void offerSamplesAtFirstStart(boolean value) {
        offerSamples = value;
    }

    /** The import and export actions (for tests). */
    public app.rebound.ui.records.RecordsActions records() {
        return records;
    }

    /** The patient open or selected, if any: the one export ticks first. */
    private UUID currentPatient() {
        if (workspace != null && root.getCenter() != listView) {
            return workspace.patientId();
        }
        PatientRow row = listView.selected();
        return row == null ? null : row.id();
    }

    /** The patient open or selected in the list, if any (the audit trail offers her as a filter). */
    public UUID selectedPatient() {
        return root == null ? null : currentPatient();
    }

    private final Path placementFolder;

    public MainWindow(Stage stage, Path dataFolder, Callable<Services> opener, Worker worker) {
        this.placementFolder = dataFolder;
        this.stage = stage;
        this.placement = new WindowPlacement(dataFolder);
        this.opener = opener;
        this.worker = worker;
        this.list = new PatientListViewModel(worker, message -> Alerts.error(stage, message));
        this.listView = new PatientListView(list, this::newPatient, row -> openWorkspace(row.id()));
        this.records = new app.rebound.ui.records.RecordsActions(stage, worker, () -> services,
                () -> list.refresh(null));
        listView.acceptDroppedRecordFiles(records::importFile);
    }

    /** Shows the window at once, then opens the records; {@code onFirstPage} runs when the first patients are drawn. */
    public void show(Runnable onFirstPage, java.util.function.Consumer<String> onOpenFailed) {
        show(() -> { }, onFirstPage, onOpenFailed);
    }

    /**
     * Shows the window at once ({@code onFirstFrame} runs when it has been drawn: the clinician can
     * type a search), then opens the records in the background; {@code onFirstPage} runs when the
     * first patients are drawn.
     */
    public void show(Runnable onFirstFrame, Runnable onFirstPage, java.util.function.Consumer<String> onOpenFailed) {
        BorderPane root = new BorderPane();
        root.getStyleClass().add("main-window");
        root.setTop(new VBox(menuBar(), header()));
        root.setCenter(listView);
        this.root = root;
        javafx.scene.layout.StackPane layers = new javafx.scene.layout.StackPane(root);
        layers.getStyleClass().add("main-window-layers");
        Scene scene = new Scene(layers);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.setTitle(Messages.get("app.name"));
        placement.restore(stage);
        stage.setOnCloseRequest(e -> {
            if (programmeForm != null && root.getCenter() instanceof app.rebound.ui.programme.ProgrammeView
                    && programmeForm.isEdited() && !Alerts.confirmDiscard(stage, "discard.programmeEdits")) {
                e.consume();
                return;
            }
            flushVisit();
            placement.save(stage);
        });
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() && e.getCode() == KeyCode.LEFT) {
                back();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && root.getCenter() == workspaceView) {
                showList();
                e.consume();
            }
        });
        stage.show();
        listView.focusSearch();
        Drawn.whenDrawn(scene, onFirstFrame);

        list.afterNextPage(() -> Drawn.whenDrawn(scene, onFirstPage));
        BackgroundTask.wrap(opener)
                .onSuccess(opened -> {
                    services = opened;
                    ready.set(true);
                    list.attach(opened.patients());
                    loadClinicName();
                    startLockAndBackups(layers);
                    if (offerSamples) {
                        records.offerSamples();
                    }
                })
                .onFailure(failure -> {
                    String action = Messages.get("action.openRecords");
                    Failures.log(action, failure);
                    String message = Failures.describe(action, failure);
                    list.failedToOpen(message);
                    onOpenFailed.accept(message);
                    Alerts.error(stage, message);
                })
                .executeWith(worker);
    }

    private HBox header() {
        Label brand = new Label(Messages.get("app.name"), new BrandMark(30));
        brand.getStyleClass().add("brand");
        clinicLabel.setId("headerClinicName");
        clinicLabel.getStyleClass().add("clinic-name");
        HBox header = new HBox(14, brand, clinicLabel);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("app-header");
        header.setPadding(new Insets(12, 18, 4, 18));
        return header;
    }

    private MenuBar menuBar() {
        MenuItem newPatient = item("menu.file.newPatient", "N", this::newPatient);
        MenuItem settings = item("menu.file.settings", null, this::openSettings);
        settings.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
        MenuItem lockNow = item("menu.file.lock", "L", () -> {
            if (lockScreen != null) {
                lockScreen.lock(false);
            }
        });
        MenuItem quit = item("menu.file.quit", "Q", this::quit);
        quit.disableProperty().unbind();
        quit.setDisable(false);
        MenuItem exercises = item("menu.file.exercises", null, this::openExercises);
        exercises.setAccelerator(new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        MenuItem importRecords = item("menu.file.import", "I", () -> records.importRecords());
        MenuItem exportRecords = item("menu.file.export", null, () -> records.exportRecords(currentPatient()));
        exportRecords.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        Menu file = new Menu(Messages.get("menu.file"), null, newPatient, new SeparatorMenuItem(), importRecords,
                exportRecords, new SeparatorMenuItem(), exercises, settings, new SeparatorMenuItem(), lockNow, quit);

        MenuItem undo = item("menu.edit.undoArchive", "Z", list::undoArchive);
        undo.disableProperty().unbind();
        undo.disableProperty().bind(list.undoProperty().isNull());
        MenuItem find = item("menu.edit.find", "F", listView::focusSearch);
        find.disableProperty().unbind();
        Menu edit = new Menu(Messages.get("menu.edit"), null, undo, new SeparatorMenuItem(), find);

        MenuItem open = item("menu.patient.edit", null, this::editCurrentPatient);
        open.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        MenuItem archive = item("menu.patient.archive", null, () -> list.archive(listView.selected()));
        archive.setAccelerator(new KeyCodeCombination(KeyCode.DELETE, KeyCombination.SHORTCUT_DOWN));
        MenuItem restore = item("menu.patient.restore", null, this::restoreSelected);
        MenuItem showArchived = item("menu.patient.showArchived", null,
                () -> list.showArchivedProperty().set(!list.showArchivedProperty().get()));
        showArchived.setAccelerator(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        MenuItem newVisit = item("menu.patient.newVisit", null, () -> {
            if (workspace != null && root.getCenter() == workspaceView) {
                workspace.newVisit(visit -> openVisit(workspace.patientId(), visit.id()));
            }
        });
        newVisit.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        MenuItem progress = item("menu.patient.progress", null, () -> {
            if (workspace != null && (root.getCenter() == workspaceView || root.getCenter() == visitView)
                    && !workspace.visits().isEmpty()) {
                openProgress(workspace.patientId());
            }
        });
        progress.setAccelerator(new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        Menu patient = new Menu(Messages.get("menu.patient"), null, open, newVisit, progress, archive, restore,
                new SeparatorMenuItem(), showArchived);

        MenuItem shortcuts = item("menu.help.shortcuts", null, this::showShortcuts);
        shortcuts.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        shortcuts.disableProperty().unbind();
        shortcuts.setDisable(false);
        MenuItem about = new MenuItem(Messages.get("menu.help.about"));
        about.setId("menuAbout");
        about.setOnAction(e -> AboutDialog.show(stage,
                new AboutViewModel(worker, message -> Alerts.error(stage, message))));
        MenuItem support = item("menu.help.support", null, this::saveSupportFile);
        support.setId("menuSupportFile");
        Menu help = new Menu(Messages.get("menu.help"), null, shortcuts, support, new SeparatorMenuItem(), about);

        MenuItem erase = item("menu.patient.erase", null, this::eraseSelected);
        patient.getItems().add(erase);
        MenuBar bar = new MenuBar(file, edit, patient, clinicMenu(), help);
        bar.setId("menuBar");
        return bar;
    }

    private MenuItem item(String key, String shortcutLetter, Runnable action) {
        MenuItem item = new MenuItem(Messages.get(key));
        item.setMnemonicParsing(true);
        if (shortcutLetter != null) {
            item.setAccelerator(new KeyCodeCombination(KeyCode.getKeyCode(shortcutLetter), KeyCombination.SHORTCUT_DOWN));
        }
        item.setOnAction(e -> action.run());
        item.disableProperty().bind(ready.not());
        return item;
    }

    public void newPatient() {
        if (services == null) {
            return;
        }
        PatientFormViewModel form = new PatientFormViewModel(services.patients(), worker, dates, null);
        PatientDialog.open(stage, form, saved -> {
            list.queryProperty().set("");
            list.refresh(saved.id());
        });
    }

    public void editPatient(PatientRow row) {
        if (services == null || row == null) {
            return;
        }
        if (opening) {
            return;
        }
        opening = true;
        Services open = services;
        BackgroundTask.wrap(() -> open.patients().load(row.id()))
                .onSuccess(patient -> PatientDialog.open(stage,
                        new PatientFormViewModel(open.patients(), worker, dates, patient),
                        saved -> list.refresh(saved.id())))
                .onFailure(failure -> report("action.openPatient", failure))
                .onFinished(() -> opening = false)
                .executeWith(worker);
    }

    private void editCurrentPatient() {
        if (root.getCenter() == listView) {
            editPatient(listView.selected());
        } else if (workspace != null && workspace.patientProperty().get() != null) {
            Services open = services;
            PatientDialog.open(stage, new PatientFormViewModel(open.patients(), worker, dates,
                    workspace.patientProperty().get()), saved -> openWorkspace(saved.id()));
        }
    }

    // --- navigation: patient list -> patient workspace -> visit ---------------------------------

    private BorderPane root;
    private PatientWorkspaceViewModel workspace;
    private PatientWorkspaceView workspaceView;
    private VisitFormViewModel visitForm;
    private VisitView visitView;

    public void showList() {
        flushVisit();
        root.setCenter(listView);
        list.refresh(workspace == null ? null : workspace.patientId());
        listView.focusSearch();
    }

    /** Opens the patient's workspace: her details and visits. */
    public void openWorkspace(UUID patientId) {
        if (services == null) {
            return;
        }
        flushVisit();
        PatientWorkspaceViewModel model = new PatientWorkspaceViewModel(services.visits(), worker, patientId,
                message -> Alerts.error(stage, message));
        PatientWorkspaceView view = new PatientWorkspaceView(model, this::showList, this::editCurrentPatient,
                summary -> openVisit(patientId, summary.id()), () -> openProgress(patientId));
        model.load(() -> {
            workspace = model;
            workspaceView = view;
            root.setCenter(view);
            view.focusDefault();
        });
    }

    /** Opens a visit's form, with the patient and all her visits for the readiness summary. */
    public void openVisit(UUID patientId, UUID visitId) {
        if (services == null || opening) {
            return;
        }
        opening = true;
        Services open = services;
        BackgroundTask.wrap(() -> new OpenedVisit(open.patients().load(patientId), open.visits().visitsOf(patientId),
                        open.visits().load(visitId)))
                .onSuccess(opened -> {
                    VisitFormViewModel model = new VisitFormViewModel(open.visits(), worker, dates, opened.patient(),
                            opened.visits(), opened.visit(), message -> Alerts.error(stage, message));
                    VisitView view = new VisitView(model, () -> openWorkspace(patientId),
                            () -> deleteDraft(patientId, model), () -> openProgramme(patientId, visitId));
                    visitForm = model;
                    visitView = view;
                    root.setCenter(view);
                    view.focusFirst();
                })
                .onFailure(failure -> report("action.openVisit", failure))
                .onFinished(() -> opening = false)
                .executeWith(worker);
    }

    /**
     * Opens her workspace, then her latest visit (by date, drafts included, as the commands take it),
     * then that visit's programme, each once the one before is on screen, then runs {@code done}, or
     * {@code failed} with what went wrong. The start-up training run of the installer
     * ({@code app.rebound.app.AotTraining}) walks the screens a clinic opens first this way.
     */
    public void walkThrough(UUID patientId, Runnable done, java.util.function.Consumer<Throwable> failed) {
        Services open = services;
        BackgroundTask.wrap(() -> open.visits().visitsOf(patientId).stream()
                        .max(java.util.Comparator.comparing(app.rebound.domain.visit.Visit::date))
                        .orElseThrow(() -> new IllegalStateException("she has no visit")))
                .onSuccess(visit -> {
                    whenShown(PatientWorkspaceView.class, () -> {
                        whenShown(VisitView.class, () -> {
                            whenShown(app.rebound.ui.programme.ProgrammeView.class, done);
                            openProgramme(patientId, visit.id());
                        });
                        openVisit(patientId, visit.id());
                    });
                    openWorkspace(patientId);
                })
                .onFailure(failed)
                .executeWith(worker);
    }

    /** Runs {@code then} once a view of that type is the window's centre and has been drawn. */
    private void whenShown(Class<? extends javafx.scene.Node> view, Runnable then) {
        javafx.beans.value.ChangeListener<javafx.scene.Node> shown = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Node> property,
                    javafx.scene.Node before, javafx.scene.Node now) {
                if (view.isInstance(now)) {
                    property.removeListener(this);
                    Drawn.whenDrawn(root.getScene(), then);
                }
            }
        };
        root.centerProperty().addListener(shown);
    }

    /** Opens the visit's programme builder; a REFER visit is refused with the reason. */
    public void openProgramme(UUID patientId, UUID visitId) {
        if (services == null) {
            return;
        }
        Services open = services;
        BackgroundTask.wrap(() -> open.programmes().open(visitId))
                .onSuccess(context -> {
                    app.rebound.ui.programme.ProgrammeViewModel model = new app.rebound.ui.programme.ProgrammeViewModel(
                            open.programmes(), worker, context, message -> Alerts.error(stage, message));
                    programmeForm = model;
                    app.rebound.ui.programme.ProgrammeView view = new app.rebound.ui.programme.ProgrammeView(model,
                            new app.rebound.ui.programme.ProgrammeView.Host() {
                                @Override
                                public void back() {
                                    openVisit(patientId, visitId);
                                }

                                @Override
                                public void preview(byte[] pdf) {
                                    showPreview(pdf);
                                }

                                @Override
                                public void print(byte[] pdf) {
                                    printPdf(pdf, Messages.get("handout.title"));
                                }

                                @Override
                                public javafx.stage.Window window() {
                                    return stage;
                                }
                            });
                    flushVisit();
                    visitForm = null;
                    root.setCenter(view);
                    // after the scene has settled its own focus for the view that just left
                    Platform.runLater(() -> Platform.runLater(view::focusFirst));
                })
                .onFailure(failure -> {
                    if (failure instanceof app.rebound.service.ProgrammeService.NoProgrammeException refused) {
                        Alerts.error(stage, refused.getMessage());
                    } else {
                        report("action.openProgramme", failure);
                    }
                })
                .executeWith(worker);
    }

    private app.rebound.ui.programme.ProgrammeViewModel programmeForm;
    private app.rebound.ui.progress.ProgressView progressView;

    /** Opens the patient's progress: charts, two visits compared, and the progress report. */
    public void openProgress(UUID patientId) {
        if (services == null) {
            return;
        }
        flushVisit();
        app.rebound.ui.progress.ProgressViewModel model = new app.rebound.ui.progress.ProgressViewModel(
                services.progress(), worker, patientId, message -> Alerts.error(stage, message));
        model.load(() -> {
            app.rebound.ui.progress.ProgressView view = new app.rebound.ui.progress.ProgressView(model,
                    new app.rebound.ui.progress.ProgressView.Host() {
                        @Override
                        public void back() {
                            openWorkspace(patientId);
                        }

                        @Override
                        public void print(byte[] pdf) {
                            printPdf(pdf, Messages.get("report.title"));
                        }

                        @Override
                        public javafx.stage.Window window() {
                            return stage;
                        }
                    });
            visitForm = null;
            progressView = view;
            root.setCenter(view);
            view.focusFirst();
        });
    }

    /** The progress view on screen, if any (for tests). */
    public app.rebound.ui.progress.ProgressView progressView() {
        return progressView;
    }

    /** The programme builder on screen, if any (for tests). */
    public app.rebound.ui.programme.ProgrammeViewModel programmeForm() {
        return programmeForm;
    }

    private void showPreview(byte[] pdf) {
        Services open = services;
        // the screen's output scale (2 at 200 %): the pages are rendered at its resolution, not enlarged
        double scale = stage.getOutputScaleX();
        BackgroundTask.wrap(() -> open.programmes().preview(pdf, scale))
                .onSuccess(pages -> HandoutPreview.show(stage, pages, scale))
                .onFailure(failure -> report("action.renderHandout", failure))
                .executeWith(worker);
    }

    /** The print dialog blocks, so it runs on a thread of its own, never the JavaFX thread or the worker. */
    private void printPdf(byte[] pdf, String jobName) {
        Services open = services;
        java.util.concurrent.ExecutorService printer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rebound-print");
            t.setDaemon(true);
            return t;
        });
        java.util.UUID patient = currentPatient();
        BackgroundTask.wrap(() -> open.programmes().print(pdf, jobName, patient))
                .onFailure(failure -> report("action.print", failure))
                .onFinished(printer::shutdown)
                .executeWith(new FxTaskRunner(printer));
    }

    private record OpenedVisit(app.rebound.domain.Patient patient, java.util.List<app.rebound.domain.visit.Visit> visits,
            app.rebound.domain.visit.Visit visit) {
    }

    private void deleteDraft(UUID patientId, VisitFormViewModel model) {
        if (!Alerts.confirmDiscard(stage, "discard.draftVisit")) {
            return;
        }
        Services open = services;
        UUID visitId = model.base().id();
        visitForm = null;
        BackgroundTask.wrap(() -> open.visits().deleteDraft(visitId))
                .onSuccess(done -> openWorkspace(patientId))
                .onFailure(failure -> report("action.deleteDraft", failure))
                .executeWith(worker);
    }

    private void back() {
        if ((root.getCenter() == visitView || root.getCenter() == progressView) && workspace != null) {
            openWorkspace(workspace.patientId());
        } else if (root.getCenter() == workspaceView) {
            showList();
        }
    }

    /** Saves what is being typed in a visit now, e.g. before leaving it or closing the window. */
    public void flushVisit() {
        if (visitForm != null) {
            visitForm.flush();
        }
    }

    /** The visit form on screen, if any (for tests and the close handler). */
    public VisitFormViewModel visitForm() {
        return visitForm;
    }

    // --- lock, backups, erase, the clinic menu ---------------------------------------------------

    private LockScreen lockScreen;
    private final java.time.Clock clock = java.time.Clock.systemDefaultZone();
    private final Menu clinic = new Menu(Messages.get("menu.clinic"));

    /** The lock screen, once the records are open (for tests). */
    public LockScreen lockScreen() {
        return lockScreen;
    }

    /** The Clinic menu: backups for everyone; accounts and the audit trail are added for administrators. */
    private Menu clinicMenu() {
        MenuItem backupNow = item("menu.clinic.backupNow", null, () -> app.rebound.ui.records.BackupActions.backupNow(
                stage, services, worker));
        backupNow.setId("backupNow");
        MenuItem restore = item("menu.clinic.restore", null, () -> app.rebound.ui.records.BackupActions.restoreFromFile(
                stage, services, worker, placementFolder, this::closeRecords));
        restore.setId("restoreBackup");
        clinic.getItems().setAll(backupNow, restore);
        return clinic;
    }

    /** The clinic menu, for the account and audit actions added once a clinician is signed in. */
    public Menu clinic() {
        return clinic;
    }

    private void startLockAndBackups(javafx.scene.layout.StackPane layers) {
        Services open = services;
        lockScreen = new LockScreen(stage, root, layers, worker, open, this::quit);
        app.rebound.ui.clinic.ClinicActions.install(this, stage, open, worker);
        BackgroundTask.wrap(() -> open.settings().idleMinutes())
                .onSuccess(minutes -> lockScreen.start(minutes))
                .onFailure(failure -> {
                    lockScreen.start(app.rebound.service.SettingsService.DEFAULT_IDLE_MINUTES);
                    report("action.openSettings", failure);
                })
                .executeWith(worker);
        // the day's backup on a thread of its own: a large clinic's backup must not hold up the worker
        // (opening a patient, saving a visit) while it is written; H2's backup reads a consistent copy
        java.util.concurrent.ExecutorService backupThread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rebound-daily-backup");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        BackgroundTask.wrap(() -> {
            app.rebound.service.AutomaticBackups backups = new app.rebound.service.AutomaticBackups(open, clock);
            // what a backup killed half-way left (it may hold erased patients), before the day's backup
            backups.removeLeftovers();
            return backups.dueToday() ? backups.run("daily") : null;
        })
                .onFailure(failure -> report("action.backup", failure))
                .onFinished(backupThread::shutdown)
                .executeWith(new FxTaskRunner(backupThread));
    }

    /** Closes the records before a restore replaces them: what is being typed is saved first. */
    private void closeRecords() {
        flushVisit();
        Services open = services;
        services = null;
        ready.set(false);
        if (open != null) {
            worker.execute(open::close);
        }
    }

    /** The window is closing: the last save and the backup on close are queued on the worker. */
    public void closing() {
        flushVisit();
        Services open = services;
        if (open == null) {
            return;
        }
        worker.execute(() -> {
            try {
                new app.rebound.service.AutomaticBackups(open, clock).run("on close");
            } catch (java.io.IOException | RuntimeException e) {
                Failures.log(Messages.get("action.backup"), e);
            }
        });
    }

    /** Erases the selected archived patient for good, after two confirmations. */
    private void eraseSelected() {
        PatientRow row = listView.selected();
        if (row == null || services == null) {
            return;
        }
        if (!row.archived()) {
            Alerts.error(stage, Messages.get("erase.notArchived"));
            return;
        }
        if (!Alerts.confirm(stage, Messages.get("erase.first.title"), Messages.format("erase.first", row.name()),
                Messages.get("erase.first.button"))) {
            return;
        }
        if (!Alerts.confirm(stage, Messages.get("erase.second.title"), Messages.format("erase.second", row.name()),
                Messages.get("erase.second.button"))) {
            return;
        }
        Services open = services;
        BackgroundTask.wrap(() -> open.patients().erase(row.id()))
                .onSuccess(done -> list.refresh(null))
                .onFailure(failure -> report("action.erasePatient", failure))
                .executeWith(worker);
    }

    private void restoreSelected() {
        PatientRow row = listView.selected();
        if (row != null && row.archived()) {
            list.restore(row.id());
        }
    }

    private void openSettings() {
        if (services == null) {
            return;
        }
        Services open = services;
        BackgroundTask.wrap(() -> SettingsViewModel.Stored.readFrom(open.settings()))
                .onSuccess(current -> {
                    SettingsViewModel model = new SettingsViewModel(open.settings(), worker, current);
                    SettingsDialog.open(stage, model, saved -> {
                        showClinic(saved);
                        if (lockScreen != null) {
                            // the new idle time counts from now
                            lockScreen.start(model.savedIdleMinutes());
                        }
                    });
                })
                .onFailure(failure -> report("action.openSettings", failure))
                .executeWith(worker);
    }

    private void openExercises() {
        if (services == null) {
            return;
        }
        new app.rebound.ui.exercises.ExercisesDialog(stage, new app.rebound.ui.exercises.ExercisesViewModel(
                services.exercises(), worker, message -> Alerts.error(stage, message))).show();
    }

    private void loadClinicName() {
        Services open = services;
        BackgroundTask.wrap(() -> open.settings().load())
                .onSuccess(this::showClinic)
                .onFailure(failure -> Failures.log(Messages.get("action.openSettings"), failure))
                .executeWith(worker);
    }

    private void showClinic(ClinicSettings settings) {
        String name = settings.clinicName();
        clinicLabel.setText(name == null ? "" : name);
        stage.setTitle(name == null ? Messages.get("app.name") : Messages.get("app.name") + " — " + name);
    }

    /** Help, Save a support file: the logs, versions and settings in a zip for the clinic's IT, nothing of a patient. */
    private void saveSupportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("support.title"));
        chooser.setInitialFileName(Messages.format("support.fileName", LocalDate.now().toString()));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("support.fileType"), "*.zip"));
        File file = chooser.showSaveDialog(stage);
        if (file == null || services == null) {
            return;
        }
        SupportFile support = new SupportFile(placementFolder, services.settings(), Clock.systemDefaultZone());
        BackgroundTask.wrap(() -> support.write(file.toPath()))
                .onSuccess(names -> Alerts.information(stage, Messages.get("support.doneHeader"),
                        Messages.format("support.done", file.getName())))
                .onFailure(failure -> report("action.supportFile", failure))
                .executeWith(worker);
    }

    private void showShortcuts() {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle(Messages.get("app.name"));
        alert.setHeaderText(Messages.get("shortcuts.title"));
        alert.setContentText(Messages.get("shortcuts.text"));
        alert.showAndWait();
    }

    private void report(String actionKey, Throwable failure) {
        Failures.report(actionKey, failure, message -> Alerts.error(stage, message));
    }

    private void quit() {
        flushVisit();
        placement.save(stage);
        stage.close();
        Platform.exit();
    }

    public PatientListViewModel patientList() {
        return list;
    }

    /** The records, once open. */
    public Services services() {
        return services;
    }
}
