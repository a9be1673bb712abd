package app.rebound.ui.shell;

import java.util.Comparator;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import app.rebound.domain.Messages;
import app.rebound.domain.visit.Visit;
import app.rebound.service.OtherWorkstations;
import app.rebound.service.Services;
import app.rebound.ui.kit.Alerts;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.Drawn;
import app.rebound.ui.kit.Navigator;
import app.rebound.ui.kit.Scheduler;
import app.rebound.ui.kit.Worker;
import app.rebound.ui.patients.PatientScreens;
import app.rebound.ui.patients.PatientWorkspaceView;
import app.rebound.ui.programme.ProgrammeScreen;
import app.rebound.ui.programme.ProgrammeView;
import app.rebound.ui.programme.ProgrammeViewModel;
import app.rebound.ui.progress.ProgressScreen;
import app.rebound.ui.progress.ProgressView;
import app.rebound.ui.visit.VisitFormViewModel;
import app.rebound.ui.visit.VisitScreen;
import app.rebound.ui.visit.VisitView;

/**
 * The window's centre and the way between its screens: patient list → workspace → visit → programme,
 * and workspace → progress. Every screen asks this to go somewhere; what is typed in a visit is saved
 * before it is left.
 */
final class ScreenNavigator implements Navigator {

    private final BorderPane root = new BorderPane();
    private final Stage stage;
    private final Worker worker;
    private final Supplier<Services> services;
    private final PatientScreens patients;
    private final VisitScreen visits;
    private final ProgrammeScreen programmes;
    private final ProgressScreen progress;
    private PatientScreens.Workspace workspace;
    private VisitFormViewModel visitForm;
    private VisitView visitView;
    private ProgrammeViewModel programmeForm;
    private ProgressView progressView;
    /** A visit is being opened: a second Enter must not open it twice. */
    private boolean opening;

    ScreenNavigator(Stage stage, Worker worker, Scheduler scheduler, Supplier<Services> services) {
        this.stage = stage;
        this.worker = worker;
        this.services = services;
        this.patients = new PatientScreens(stage, worker, this, services);
        this.visits = new VisitScreen(stage, worker, this);
        this.programmes = new ProgrammeScreen(stage, worker, scheduler, this);
        this.progress = new ProgressScreen(stage, worker, scheduler, this);
        root.getStyleClass().add("main-window");
        root.setCenter(patients.listView());
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // on the programme screen the screen itself goes back (it asks first about edits not saved)
            if (e.isAltDown() && e.getCode() == KeyCode.LEFT && back()) {
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && onWorkspace()) {
                showList();
                e.consume();
            }
        });
    }

    BorderPane root() {
        return root;
    }

    PatientScreens patients() {
        return patients;
    }

    @Override
    public void showList() {
        if (!mayLeaveVisit()) {
            return;
        }
        flushVisit();
        root.setCenter(patients.listView());
        patients.list().refresh(workspace == null ? null : workspace.model().patientId());
        patients.listView().focusSearch();
    }

    @Override
    public void openWorkspace(UUID patientId) {
        if (services.get() == null || !mayLeaveVisit()) {
            return;
        }
        flushVisit();
        patients.workspace(patientId, shown -> {
            workspace = shown;
            root.setCenter(shown.view());
            shown.view().focusDefault();
        });
    }

    @Override
    public void openVisit(UUID patientId, UUID visitId) {
        Services open = services.get();
        if (open == null || opening) {
            return;
        }
        opening = true;
        visits.open(open, patientId, visitId, shown -> {
            visitForm = shown.model();
            visitView = shown.view();
            root.setCenter(shown.view());
            shown.view().focusFirst();
        }, () -> visitForm = null, () -> opening = false);
    }

    @Override
    public void openProgramme(UUID patientId, UUID visitId) {
        Services open = services.get();
        if (open == null || !mayLeaveVisit()) {
            return;
        }
        programmes.open(open, patientId, visitId, shown -> {
            programmeForm = shown.model();
            flushVisit();
            visitForm = null;
            root.setCenter(shown.view());
            // after the scene has settled its own focus for the view that just left
            Platform.runLater(() -> Platform.runLater(shown.view()::focusFirst));
        });
    }

    @Override
    public void openProgress(UUID patientId) {
        Services open = services.get();
        if (open == null || !mayLeaveVisit()) {
            return;
        }
        flushVisit();
        progress.open(open, patientId, view -> {
            visitForm = null;
            progressView = view;
            root.setCenter(view);
            view.focusFirst();
        });
    }

    /**
     * Alt+Left: from a visit or progress to her workspace, from her workspace to the list. False when it is
     * not the shell's to do (the programme screen goes back to its visit itself; the list has nowhere to go).
     */
    boolean back() {
        if ((root.getCenter() == visitView || root.getCenter() == progressView) && workspace != null) {
            openWorkspace(workspace.model().patientId());
            return true;
        } else if (onWorkspace()) {
            showList();
            return true;
        }
        return false;
    }

    /** Patient, New visit: only from her workspace. */
    void newVisit() {
        if (onWorkspace()) {
            UUID patientId = workspace.model().patientId();
            workspace.model().newVisit(visit -> openVisit(patientId, visit.id()));
        }
    }

    /** Patient, Progress: from her workspace or a visit, once she has a visit. */
    void progressOfOpenPatient() {
        if (workspace != null && (onWorkspace() || root.getCenter() == visitView)
                && !workspace.model().visits().isEmpty()) {
            openProgress(workspace.model().patientId());
        }
    }

    /** Patient, Edit: the one selected in the list, or the one whose workspace is open. */
    void editCurrentPatient() {
        if (root.getCenter() == patients.listView()) {
            patients.editSelected();
        } else if (workspace != null) {
            patients.editOpen(workspace.model());
        }
    }

    /** The patient open or selected, if any. */
    UUID currentPatient() {
        if (workspace != null && root.getCenter() != patients.listView()) {
            return workspace.model().patientId();
        }
        return patients.selectedId();
    }

    /**
     * False when the clinician keeps a programme's unsaved edits, or values of a visit another workstation
     * changed that she has not chosen over yet, rather than close the window. (A visit not saved because the
     * server cannot be reached is the window's to ask about.)
     */
    boolean mayClose(Window owner) {
        if (onVisit() && visitForm.unsavedOverAnotherSave() && !leaveUnsaved("visit.leaveUnsaved.conflict")) {
            return false;
        }
        return programmeForm == null || !(root.getCenter() instanceof ProgrammeView) || !programmeForm.isEdited()
                || Alerts.confirmDiscard(owner, "discard.programmeEdits");
    }

    /**
     * Whether the open visit may be left: asked first when what she typed there cannot be saved now (another
     * workstation changed it and she has not chosen, or the server cannot be reached); true off a visit.
     */
    private boolean mayLeaveVisit() {
        if (!onVisit()) {
            return true;
        }
        if (visitForm.unsavedOverAnotherSave()) {
            return leaveUnsaved("visit.leaveUnsaved.conflict");
        }
        return !visitForm.notSavedOffline() || leaveUnsaved("visit.leaveUnsaved.offline");
    }

    private boolean onVisit() {
        return visitForm != null && visitView != null && root.getCenter() == visitView;
    }

    private boolean leaveUnsaved(String textKey) {
        return Alerts.confirm(stage, Messages.get("visit.leaveUnsaved.title"), Messages.get(textKey),
                Messages.get("visit.leaveUnsaved.button"));
    }

    /**
     * Another workstation changed a record (server mode): the patient list reads its rows again in place, an
     * open workspace of that patient reads her again, and an open visit that was changed says so above the
     * form (never replacing what is being typed).
     */
    void changedElsewhere(OtherWorkstations.RecordChange change) {
        if (services.get() == null) {
            return;
        }
        if (change.isEverything() || change.what().equals("patient") || change.what().equals("visit")) {
            patients.list().refreshInPlace(patients.selectedId());
        }
        if (workspace != null && change.concerns(workspace.model().patientId())) {
            workspace.model().reload();
        }
        if (visitForm != null && root.getCenter() == visitView && change.isVisit(visitForm.base().id())) {
            visitForm.changedOnAnotherWorkstation();
        }
        if (programmeForm != null && root.getCenter() instanceof ProgrammeView
                && change.isVisitOrItsProgramme(programmeForm.context().visit().id())) {
            Visit visit = programmeForm.context().visit();
            if (programmeForm.isEdited()) {
                // never over what she is changing: the screen says so, and her save is checked as ever
                programmeForm.changedOnAnotherWorkstation();
            } else {
                openProgramme(visit.patientId(), visit.id());
            }
        }
        if (progressView != null && root.getCenter() == progressView
                && change.concerns(progressView.model().patientId())) {
            progressView.model().refresh();
        }
    }

    /** Saves what is being typed in a visit now, e.g. before leaving it or closing the window. */
    void flushVisit() {
        if (visitForm != null) {
            visitForm.flush();
        }
    }

    /** See {@link MainWindow#chooseFilesWith}. */
    void chooseFilesWith(Dialogs dialogs) {
        programmes.chooseFilesWith(dialogs);
    }

    VisitFormViewModel visitForm() {
        return visitForm;
    }

    ProgrammeViewModel programmeForm() {
        return programmeForm;
    }

    ProgressView progressView() {
        return progressView;
    }

    private boolean onWorkspace() {
        return workspace != null && root.getCenter() == workspace.view();
    }

    /** See {@link MainWindow#walkThrough}. */
    void walkThrough(UUID patientId, Runnable done, Consumer<Throwable> failed) {
        Services open = services.get();
        BackgroundTask.wrap(() -> open.visits().visitsOf(patientId).stream()
                        .max(Comparator.comparing(Visit::date))
                        .orElseThrow(() -> new IllegalStateException("she has no visit")))
                .onSuccess(visit -> {
                    whenShown(PatientWorkspaceView.class, () -> {
                        whenShown(VisitView.class, () -> {
                            whenShown(ProgrammeView.class, done);
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
    private void whenShown(Class<? extends Node> view, Runnable then) {
        ChangeListener<Node> shown = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Node> property, Node before, Node now) {
                if (view.isInstance(now)) {
                    property.removeListener(this);
                    Drawn.whenDrawn(root.getScene(), then);
                }
            }
        };
        root.centerProperty().addListener(shown);
    }
}
